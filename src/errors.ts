// One error type for everything a caller may see; http/error-middleware.ts maps it to
// {error:{code,message,details?}} with its status.
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'illegal_transition'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'import_rejected'
  | 'request_timeout'
  | 'too_many_requests'
  | 'internal'
  | 'service_unavailable';

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  import_rejected: 422,
  request_timeout: 408,
  too_many_requests: 429,
  internal: 500,
  service_unavailable: 503,
};

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.status = statusOf[code];
    this.details = details;
  }
}
