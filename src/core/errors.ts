// Errors carry a stable code, a kind, and a message a person can act on. The kind is the only
// thing src/server/errors.ts maps to an HTTP status; codes never change once released.
export type ErrorKind =
  | 'invalid' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403 (includes a restricted service)
  | 'not-found' // 404 (also for another tenant's ids)
  | 'conflict' // 409
  | 'too-large' // 413
  | 'unprocessable' // 422 (a policy refusal of well-formed input)
  | 'rate-limited' // 429
  | 'unavailable'; // 503

export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details: Record<string, unknown> | undefined;
  constructor(kind: ErrorKind, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('invalid', code, message, details);
export const notFound = (code: string, message: string) => new AppError('not-found', code, message);
export const conflict = (code: string, message: string) => new AppError('conflict', code, message);
export const forbidden = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('forbidden', code, message, details);
export const unauthenticated = (code: string, message: string) => new AppError('unauthenticated', code, message);
export const unprocessable = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('unprocessable', code, message, details);
export const unavailable = (code: string, message: string) => new AppError('unavailable', code, message);
