// What an S3 failure means to a caller. A missing object is the store's not-found; an unreachable
// or overloaded service (no HTTP answer, 5xx, throttling) is a 503 the caller may retry — an
// upload then fails whole, because storeFile writes the object before its database row commits.
// Anything else (access denied, no such bucket) is a deployment fault and stays a 500 with the
// SDK's own message in the log.
import { AppError } from '../errors.ts';

interface SdkError {
  name?: string;
  /** Node's system error code (ECONNREFUSED, ECONNRESET, ETIMEDOUT…) when no HTTP answer came. */
  code?: unknown;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

export function isMissingObject(error: unknown): boolean {
  const e = error as SdkError;
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || (e.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket');
}

export function storageFailure(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const e = error as SdkError;
  const status = e.$metadata?.httpStatusCode;
  const noAnswer = status === undefined && (typeof e.code === 'string' || e.name === 'TimeoutError');
  if (noAnswer || (status !== undefined && (status >= 500 || status === 429)) || e.$retryable) {
    const failure = new AppError('service_unavailable', '文件存储暂时无法访问，请稍后重试');
    failure.cause = error;
    return failure;
  }
  return error;
}
