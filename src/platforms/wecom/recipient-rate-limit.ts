// WeCom drops messages beyond 30/min and 1000/h to one member *silently*, so a sender must
// hold back instead of sending. The send times live in PostgreSQL (MemberRateLimit, one row per
// member), so the limit holds however many instances send: an acquire locks the members' rows
// (in sorted order, so two instances never deadlock), decides, and appends its send time in one
// short transaction; waiting happens outside it. Times come from the caller's clock: instances
// must keep their clocks synchronised (NTP), as they must for the legal deadlines anyway.
import type { Db } from '../../db/client.ts';
import { PlatformApiError } from '../platform-api-error.ts';

export interface RateWindow {
  limit: number;
  windowMs: number;
}

export const WECOM_MEMBER_LIMITS: RateWindow[] = [
  { limit: 30, windowMs: 60_000 },
  { limit: 1000, windowMs: 3_600_000 },
];

/** Default for `marginMs`: a send's time on a loaded network and machine, generously. */
export const SEND_LATENCY_MARGIN_MS = 3_000;

export interface RecipientRateLimiter {
  /** Resolves when every user may receive one more message (and counts it), or throws a retryable error. */
  acquire(userIds: string[]): Promise<void>;
}

export interface RecipientRateLimiterOptions {
  db: Db;
  windows?: RateWindow[];
  /** Longer waits are handed back to the outbox as a retryable error instead of blocking a worker. */
  maxWaitMs?: number;
  /**
   * WeCom counts a message when it arrives, we when we decide to send: a send that was slow on
   * the wire still sits in WeCom's window after it left ours. Each window is widened by this much.
   */
  marginMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** How long `times` (ascending) must wait at `at` before one more send fits every window. */
export function waitBeforeNextSend(times: readonly number[], windows: readonly RateWindow[], at: number): number {
  let wait = 0;
  for (const w of windows) {
    const inWindow = times.filter((t) => t > at - w.windowMs);
    const over = inWindow.length - w.limit;
    if (over >= 0) wait = Math.max(wait, (inWindow[over] as number) + w.windowMs - at);
  }
  return wait;
}

export function createRecipientRateLimiter(opts: RecipientRateLimiterOptions): RecipientRateLimiter {
  const margin = opts.marginMs ?? SEND_LATENCY_MARGIN_MS;
  const windows = (opts.windows ?? WECOM_MEMBER_LIMITS).map((w) => ({ limit: w.limit, windowMs: w.windowMs + margin }));
  const maxWait = opts.maxWaitMs ?? 65_000;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)));
  const longest = Math.max(...windows.map((w) => w.windowMs));

  /** Counts one send to every member and returns 0, or returns the wait and counts nothing. */
  const tryAcquire = (keys: string[]): Promise<number> =>
    opts.db.$transaction(async (tx) => {
      const at = now();
      const atDate = new Date(at);
      await tx.$executeRaw`INSERT INTO "MemberRateLimit" ("key", "sentAt", "lastSentAt")
        SELECT k, '{}', ${atDate} FROM unnest(${keys}::text[]) AS k ORDER BY k ON CONFLICT ("key") DO NOTHING`;
      const rows = await tx.$queryRaw<{ sentAt: Date[] | null }[]>`SELECT "sentAt" FROM "MemberRateLimit"
        WHERE "key" = ANY(${keys}::text[]) ORDER BY "key" FOR UPDATE`;
      const wait = Math.max(0, ...rows.map((r) => waitBeforeNextSend((r.sentAt ?? []).map((d) => d.getTime()).sort((a, b) => a - b), windows, at)));
      if (wait > 0) return wait;
      const cutoff = new Date(at - longest);
      await tx.$executeRaw`UPDATE "MemberRateLimit" SET "lastSentAt" = GREATEST("lastSentAt", ${atDate}),
        "sentAt" = array_append(ARRAY(SELECT t FROM unnest("sentAt") AS t WHERE t > ${cutoff} ORDER BY t), ${atDate}::timestamptz(3))
        WHERE "key" = ANY(${keys}::text[])`;
      return 0;
    });

  return {
    async acquire(userIds) {
      const keys = [...new Set(userIds.map((u) => `wecom:${u}`))].sort();
      for (;;) {
        const wait = await tryAcquire(keys);
        if (wait === 0) return;
        if (wait > maxWait) {
          const errmsg = `接收人消息频率已达企业微信上限（每人每分钟 30 条、每小时 1000 条），约 ${Math.ceil(wait / 1000)} 秒后重试`;
          throw new PlatformApiError({ platform: 'wecom', api: 'message/send', errcode: 'recipient_rate_limit', errmsg, retryable: true });
        }
        await sleep(wait);
      }
    },
  };
}
