// The H5's one door to the server: same-origin JSON carrying the session cookie, and on every
// write the session's CSRF token (the server refuses cookie-authenticated writes without it:
// src/http/refuse-cross-site-writes.ts). Failures become ApiError with the server's Chinese
// message, so pages can show it as is.
const API_PREFIX = '/api/v1';
const CSRF_COOKIE = 'sentinel_csrf';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The server's error.details, e.g. { reason: 'outside_fence', distanceM, radiusM } on a clock-in. */
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/**
 * @example const me = await api<MeResponse>('GET', '/h5/me');
 */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${API_PREFIX}${path}`, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(body !== undefined && { 'Content-Type': 'application/json' }), ...(method !== 'GET' && csrfHeader()) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res.status, data);
  return data as T;
}

/**
 * A multipart upload (proofs): the browser sets the boundary; errors as for api().
 * @example const r = await upload<{ proofId: string }>('/proofs', form);
 */
export async function upload<T>(path: string, form: FormData): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${API_PREFIX}${path}`, { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', ...csrfHeader() }, body: form });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res.status, data);
  return data as T;
}

/**
 * A POST (or, without a body, a GET) answered with a file (PDF, Excel): saved by the browser
 * under the server's file name; errors as for api().
 * @example await download('/calc/back-pay/xlsx', body); await download('/dashboard/report.xlsx?month=2026-12');
 */
export async function download(path: string, body?: unknown): Promise<string> {
  let res: Response;
  const init: RequestInit = body === undefined
    ? { method: 'GET', credentials: 'same-origin' }
    : { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', ...csrfHeader() }, body: JSON.stringify(body) };
  try {
    res = await fetch(`${API_PREFIX}${path}`, init);
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => null));
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'download');
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** The session's CSRF token, set by the server beside the session cookie. */
function csrfHeader(): Record<string, string> {
  const token = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`))?.slice(CSRF_COOKIE.length + 1);
  return token ? { 'X-CSRF-Token': decodeURIComponent(token) } : {};
}

function toApiError(status: number, data: unknown): ApiError {
  const error = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message = typeof error?.message === 'string' && error.message ? error.message : `服务暂时不可用（HTTP ${status}），请稍后重试`;
  return new ApiError(status, code, message, error?.details);
}
