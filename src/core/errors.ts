// Errors carry a stable code (src/core/error-codes.ts), a kind, and a message a person can act
// on. The kind is the only thing src/server/errors.ts maps to an HTTP status.
import { ERROR_CODES, type CodeOfKind, type ErrorCode } from './error-codes.ts';

export type { ErrorCode } from './error-codes.ts';

export type ErrorKind =
  | 'invalid' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403 (includes a restricted service)
  | 'not-found' // 404 (also for another tenant's ids)
  | 'conflict' // 409
  | 'too-large' // 413
  | 'unsupported' // 415
  | 'unprocessable' // 422 (a policy refusal of well-formed input)
  | 'rate-limited' // 429
  | 'internal' // 500
  | 'unavailable'; // 503

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.kind = ERROR_CODES[code].kind;
    this.code = code;
    this.details = details;
  }
}

export const invalid = (code: CodeOfKind<'invalid'>, message: string, details?: Record<string, unknown>) =>
  new AppError(code, message, details);
export const notFound = (code: CodeOfKind<'not-found'>, message: string) => new AppError(code, message);
export const conflict = (code: CodeOfKind<'conflict'>, message: string, details?: Record<string, unknown>) =>
  new AppError(code, message, details);
export const forbidden = (code: CodeOfKind<'forbidden'>, message: string, details?: Record<string, unknown>) =>
  new AppError(code, message, details);
export const unauthenticated = (code: CodeOfKind<'unauthenticated'>, message: string) => new AppError(code, message);
export const tooLarge = (code: CodeOfKind<'too-large'>, message: string, details?: Record<string, unknown>) =>
  new AppError(code, message, details);
export const unprocessable = (code: CodeOfKind<'unprocessable'>, message: string, details?: Record<string, unknown>) =>
  new AppError(code, message, details);
export const rateLimited = (code: CodeOfKind<'rate-limited'>, message: string, details?: Record<string, unknown>) =>
  new AppError(code, message, details);
export const unavailable = (code: CodeOfKind<'unavailable'>, message: string) => new AppError(code, message);
