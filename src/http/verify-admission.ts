// How many evidence verifications one app instance runs at once. A verification holds its upload
// on disk and, for a pack, up to MAX_PACK_BYTES of entries in memory, so a few at a time keep
// the process small. Requests over the limit are refused at once (503, Retry-After), before their
// upload is read, rather than queued: a queue would only hold more sockets and bytes. One client
// may have one verification running, so a single slow sender cannot hold every slot.
import type { Middleware } from 'koa';
import { AppError } from '../errors.ts';
import { clientKey } from './rate-limit.ts';
import type { AppState } from './state.ts';

/** Verifications running at once per app instance (one per process). */
export const MAX_CONCURRENT_VERIFICATIONS = 2;
/** What a refused caller is told to wait before retrying. */
const RETRY_AFTER_SECONDS = 10;

/** Admits a request while a slot is free and its client has none; frees the slot when it ends. */
export function verifyAdmission(slots = MAX_CONCURRENT_VERIFICATIONS): Middleware<AppState> {
  const running = new Set<string>();
  return async (ctx, next) => {
    const client = clientKey(ctx);
    const refuse = (error: AppError) => {
      // The upload is left unread: the socket closes after this answer.
      ctx.set({ 'Retry-After': String(RETRY_AFTER_SECONDS), Connection: 'close' });
      return error;
    };
    if (running.has(client)) throw refuse(new AppError('too_many_requests', `你已有一个文件正在核验，请等它完成后，约 ${RETRY_AFTER_SECONDS} 秒后再试`));
    if (running.size >= slots) throw refuse(new AppError('service_unavailable', `正在核验的文件较多，请 ${RETRY_AFTER_SECONDS} 秒后再试`));
    running.add(client);
    try {
      await next();
    } finally {
      running.delete(client);
    }
  };
}
