// mjml 5 ships no types: the part we use.
declare module 'mjml' {
  interface MjmlError {
    line: number;
    message: string;
    tagName?: string;
  }
  export default function mjml2html(
    source: string,
    options?: { validationLevel?: 'strict' | 'soft' | 'skip'; keepComments?: boolean; minify?: boolean },
  ): Promise<{ html: string; errors: MjmlError[] }>;
}
