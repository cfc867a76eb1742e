// The core services the composition root builds and the HTTP layer and worker call. Each area
// adds its service here (types only: no adapter is imported).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Services {}
