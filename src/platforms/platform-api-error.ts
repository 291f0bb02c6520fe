import type { Platform } from '../generated/prisma/client.ts';

/**
 * A platform API answered with an error (or not at all). `retryable` tells the outbox whether
 * trying again later can help (busy, rate limited, 5xx, network) or the message is dead
 * (bad user id, bad card, missing permission).
 */
export class PlatformApiError extends Error {
  override name = 'PlatformApiError';
  readonly platform: Platform;
  readonly api: string;
  readonly errcode: string;
  readonly errmsg: string;
  readonly retryable: boolean;
  readonly httpStatus?: number;
  /**
   * The request may have reached the platform and been acted on (a timeout, a connection cut
   * after sending). False when the platform answered or the connection was never made.
   */
  readonly maybeSent: boolean;

  constructor(opts: { platform: Platform; api: string; errcode: string | number; errmsg: string; retryable: boolean; httpStatus?: number; maybeSent?: boolean }) {
    super(`${opts.platform} ${opts.api} failed: ${opts.errcode} ${opts.errmsg}`);
    this.platform = opts.platform;
    this.api = opts.api;
    this.errcode = String(opts.errcode);
    this.errmsg = opts.errmsg;
    this.retryable = opts.retryable;
    this.httpStatus = opts.httpStatus;
    this.maybeSent = opts.maybeSent ?? false;
  }
}

/** Errors that are not PlatformApiError (bugs, DB hiccups) are retried: the outbox cannot tell. */
export function isRetryable(error: unknown): boolean {
  return error instanceof PlatformApiError ? error.retryable : true;
}
