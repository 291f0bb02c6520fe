// How a receiver turns away a callback: a 4xx with a short Chinese body for the platform
// console, and one log line that tells the operator what to fix. Nothing reaches the router.
import type { Context } from 'koa';
import type { Logger } from '../log.ts';
import { CallbackCryptoError, type CallbackErrorKind } from './wecom/callback-crypto-error.ts';

export class CallbackRejection extends Error {
  override name = 'CallbackRejection';
  readonly status: number;
  /** Short Chinese text for the response body. */
  readonly reply: string;
  readonly code?: number;

  /** @param message what the operator should check or fix (goes to the log). */
  constructor(status: number, reply: string, message: string, code?: number) {
    super(message);
    this.status = status;
    this.reply = reply;
    this.code = code;
  }
}

const STATUS: Partial<Record<CallbackErrorKind, number>> = { ValidateSignature: 401, ValidateReceiveId: 403 };

export function fromCryptoError(error: CallbackCryptoError): CallbackRejection {
  return new CallbackRejection(STATUS[error.kind] ?? 400, `${error.reason} (${error.code})`, error.message, error.code);
}

/** Answers a rejection and returns true; returns false for errors that are not rejections. */
export function answerRejection(ctx: Context, log: Logger, error: unknown): boolean {
  const rejection = error instanceof CallbackCryptoError ? fromCryptoError(error) : error;
  if (!(rejection instanceof CallbackRejection)) return false;
  log.warn({ status: rejection.status, code: rejection.code, path: ctx.path }, `callback rejected: ${rejection.message}`);
  ctx.status = rejection.status;
  ctx.type = 'text/plain';
  ctx.body = rejection.reply;
  return true;
}
