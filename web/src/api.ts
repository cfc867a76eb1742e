// The one way the web app talks to the API (/api/v1, see /work/briefs/api-contract.md).
// Cookie session + CSRF: state changes carry `x-csrf-token` from GET /api/v1/auth/csrf (SEC-01).
// Error answers {"error":{"code","message"}} become an ApiError the pages show as they are.

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  del<T>(path: string): Promise<T>;
  /** multipart/form-data POST (CSV uploads); the browser sets the boundary. */
  upload<T>(path: string, form: FormData): Promise<T>;
  /** Forget the CSRF token (after login/logout the session, and so the token, changes). */
  resetCsrf(): void;
}

export function createApi(base = '/api/v1', fetchImpl: typeof fetch = (...a) => fetch(...a)): Api {
  let csrf: Promise<string> | null = null;

  const csrfToken = (): Promise<string> => {
    csrf ??= request<{ token: string }>('GET', '/auth/csrf', undefined, false).then((r) => r.token);
    csrf.catch(() => (csrf = null));
    return csrf;
  };

  async function request<T>(method: Method, path: string, body: unknown, retry: boolean): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const multipart = body instanceof FormData;
    if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-csrf-token'] = await csrfToken();
    const res = await fetchImpl(base + path, {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const data: unknown = text ? safeJson(text) : undefined;
    if (!res.ok) {
      const err = errorOf(res.status, data);
      // A stale token (session changed in another tab): fetch a fresh one and try once more.
      if (retry && err.code === 'CSRF_INVALID') {
        csrf = null;
        return request<T>(method, path, body, false);
      }
      throw err;
    }
    return data as T;
  }

  return {
    get: (path) => request('GET', path, undefined, false),
    post: (path, body) => request('POST', path, body ?? {}, true),
    patch: (path, body) => request('PATCH', path, body ?? {}, true),
    put: (path, body) => request('PUT', path, body ?? {}, true),
    del: (path) => request('DELETE', path, undefined, true),
    upload: (path, form) => request('POST', path, form, true),
    resetCsrf: () => {
      csrf = null;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function errorOf(status: number, data: unknown): ApiError {
  const e = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (e && typeof e.code === 'string') {
    return new ApiError(
      status,
      e.code,
      typeof e.message === 'string' ? e.message : e.code,
      e.details as Record<string, unknown> | undefined,
    );
  }
  return new ApiError(status, `HTTP_${status}`, `The server answered ${status}.`);
}
