// The one place that maps error codes to HTTP statuses. Answers are {"error":{"code","message"}}
// and never carry a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, type ErrorCode, type ErrorKind } from '../core/errors.ts';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unsupported: 415,
  unprocessable: 422,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}

/** Fastify's own error codes for malformed requests, mapped to our stable codes. */
const FASTIFY_CODES: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', message: 'The request body is larger than allowed.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'The request body is empty.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'This content type is not accepted here.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'INVALID_CONTENT_LENGTH',
    message: 'Content-Length does not match the body.',
  },
  FST_CSRF_INVALID_TOKEN: {
    status: 403,
    code: 'CSRF_INVALID',
    message: 'Missing or invalid CSRF token; reload the page and try again.',
  },
  FST_CSRF_MISSING_SECRET: { status: 403, code: 'CSRF_INVALID', message: 'Missing CSRF secret; reload the page and try again.' },
  FST_ERR_VALIDATION: { status: 400, code: 'VALIDATION_FAILED', message: 'The request is not valid.' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'FILE_TOO_LARGE', message: 'The uploaded file is larger than allowed.' },
  FST_FILES_LIMIT: { status: 413, code: 'TOO_MANY_FILES', message: 'Too many files in one request.' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 400, code: 'NOT_MULTIPART', message: 'Expected a multipart/form-data request.' },
  // The router's refusals (frameworkErrors in app.ts): protocol statuses, kept as HTTP names them.
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', message: 'The address is not a valid URL (bad percent-encoding).' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URL_TOO_LONG', message: 'A part of the address is longer than allowed.' },
};

/**
 * Errors Node's HTTP parser meets before any request exists (Fastify's clientErrorHandler): the
 * socket gets our answer shape, then is closed (the stream cannot be trusted past a parse error).
 */
export function clientErrorResponse(err: { code?: string }): string {
  const [status, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? ([431, 'HEADERS_TOO_LARGE', 'The request line and headers are larger than allowed.'] as const)
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ([408, 'REQUEST_TIMEOUT', 'The request did not arrive in time.'] as const)
        : ([400, 'MALFORMED_REQUEST', 'The request is not valid HTTP.'] as const);
  const body = JSON.stringify(errorBody(code, message));
  return (
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

export function mapError(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return { status: STATUS_BY_KIND[err.kind], body: errorBody(err.code, err.message, err.details) };
  }
  if (err instanceof ZodError) {
    return { status: 400, body: errorBody('VALIDATION_FAILED', 'The request is not valid.', { issues: summarizeIssues(err) }) };
  }
  const fe = err as Partial<FastifyError> & { validation?: unknown };
  if (fe && typeof fe === 'object') {
    if (fe.validation) {
      const details = { issues: validationIssues(fe.validation), in: fe.validationContext ?? 'body' };
      return { status: 400, body: errorBody('VALIDATION_FAILED', fe.message ?? 'The request is not valid.', details) };
    }
    if (fe.statusCode === 429) {
      return { status: 429, body: errorBody('RATE_LIMITED', 'Too many requests; wait a moment and try again.') };
    }
    const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
    if (known) return { status: known.status, body: errorBody(known.code, known.message) };
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      return { status: fe.statusCode, body: errorBody('BAD_REQUEST', fe.message ?? 'Bad request.') };
    }
  }
  if (isDatabaseUnavailable(err)) {
    return { status: 503, body: errorBody('DATABASE_UNAVAILABLE', 'The database does not answer; try again shortly.') };
  }
  return { status: 500, body: errorBody('INTERNAL', 'Something went wrong on our side; it has been logged.') };
}

// Connection-level failures of either engine (not query errors): the request can be retried.
const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);
const DB_DOWN_MESSAGES = [
  /driver has already been destroyed/i,
  /database connection is not open/i,
  /Connection terminated/i,
  /pool.*(ended|after calling end)/i,
];
function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && DB_DOWN_CODES.has(code)) return true;
  const message = (err as { message?: unknown }).message;
  return typeof message === 'string' && DB_DOWN_MESSAGES.some((re) => re.test(message));
}

/** At most this many field issues in one answer (a 10,000-item body does not answer 10,000). */
export const MAX_REPORTED_ISSUES = 20;

function summarizeIssues(err: ZodError) {
  return err.issues.slice(0, MAX_REPORTED_ISSUES).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** One request-validation failure as Fastify hands it over (fastify-type-provider-zod or Ajv). */
interface SchemaIssue {
  instancePath?: unknown;
  message?: unknown;
  keyword?: unknown;
  params?: { missingProperty?: unknown; keys?: unknown; additionalProperty?: unknown };
}

/**
 * Request validation failures (the route schemas) in the shape domain validation uses —
 * `[{ path: 'consentBoxes.0.purpose', message }]`, the path relative to the part of the request
 * (details.in: body, querystring, params, headers) — so the app can mark the field (issue 13 §6).
 * Unknown keys of a strict object and missing required properties are named as their own path.
 */
function validationIssues(validation: unknown): Array<{ path: string; message: string }> {
  if (!Array.isArray(validation)) return [];
  const out: Array<{ path: string; message: string }> = [];
  for (const raw of validation as SchemaIssue[]) {
    const base = typeof raw.instancePath === 'string' ? raw.instancePath.split('/').filter((p) => p !== '') : [];
    const message = typeof raw.message === 'string' ? raw.message : 'Invalid value';
    const p = raw.params ?? {};
    const named = Array.isArray(p.keys)
      ? p.keys.filter((k): k is string => typeof k === 'string')
      : typeof p.missingProperty === 'string'
        ? [p.missingProperty]
        : typeof p.additionalProperty === 'string'
          ? [p.additionalProperty]
          : [];
    if (named.length === 0) out.push({ path: base.join('.'), message });
    for (const key of named) out.push({ path: [...base, key].join('.'), message });
  }
  return out.slice(0, MAX_REPORTED_ISSUES);
}

export function errorHandler(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = mapError(err);
  if (status >= 500) request.log.error({ err }, 'request failed');
  else request.log.debug({ err }, 'request refused');
  void reply.status(status).type('application/json; charset=utf-8').send(body);
}
