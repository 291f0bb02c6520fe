// WeCom drops messages beyond 30/min and 1000/h to one member *silently*, so a sender must
// hold back instead of sending. The send times live in PostgreSQL (MemberRateLimit, one row per
// member), so the limit holds however many instances send: an acquire is one statement that locks
// the members' rows (in sorted order, so two instances never deadlock), decides, and appends its
// send time; waiting happens outside it, and no row lock is held across a round trip. Times come
// from the caller's clock: instances must keep their clocks synchronised (NTP), as they must for
// the legal deadlines anyway.
//
// WeCom counts a message when it arrives, the limiter when it lets it go. After the send, the
// permit's `sent()` moves the member's entry to the time the answer came back, which is no
// earlier than the arrival; so a later send is measured against the arrival's upper bound and a
// slow send (a loaded machine, a slow network) cannot make WeCom see 31 in its minute. The
// margin only covers clock skew between instances and an entry whose `sent()` never ran (a crash
// mid-send: the request was made within the HTTP timeout of its decision).
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

/** Default for `marginMs`: clock skew between instances, generously (send latency is measured: `sent()`). */
export const SEND_LATENCY_MARGIN_MS = 1_000;

/** One counted send; `sent()` after the platform answered (or failed) records when that was. */
export interface SendPermit {
  sent(): Promise<void>;
}

export interface RecipientRateLimiter {
  /** Resolves when every user may receive one more message (and counts it), or throws a retryable error. */
  acquire(userIds: string[]): Promise<SendPermit>;
}

export interface RecipientRateLimiterOptions {
  db: Db;
  windows?: RateWindow[];
  /** Longer waits are handed back to the outbox as a retryable error instead of blocking a worker. */
  maxWaitMs?: number;
  /** Each window is widened by this much (clock skew between instances; see the file's head). */
  marginMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createRecipientRateLimiter(opts: RecipientRateLimiterOptions): RecipientRateLimiter {
  const margin = opts.marginMs ?? SEND_LATENCY_MARGIN_MS;
  const windows = (opts.windows ?? WECOM_MEMBER_LIMITS).map((w) => ({ limit: w.limit, windowMs: w.windowMs + margin }));
  const limits = windows.map((w) => w.limit);
  const windowMs = windows.map((w) => w.windowMs);
  const maxWait = opts.maxWaitMs ?? 65_000;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)));
  const longest = Math.max(...windowMs);

  /**
   * Counts one send to every member and returns 0, or returns the wait and counts nothing; null
   * when a member has no row yet. The wait of one window is (its limit-th latest send) + window − now.
   */
  const tryAcquire = async (keys: string[], atDate: Date): Promise<number | null> => {
    const cutoff = new Date(atDate.getTime() - longest);
    const [row] = await opts.db.$queryRaw<{ waitMs: number; found: number }[]>`
      WITH locked AS (
        SELECT "key", "sentAt" FROM "MemberRateLimit" WHERE "key" = ANY(${keys}::text[]) ORDER BY "key" FOR UPDATE
      ), waits AS (
        SELECT COALESCE(MAX(EXTRACT(EPOCH FROM (x.t - ${atDate}::timestamptz)) * 1000 + w.ms), 0)::float8 AS ms
        FROM locked l
        CROSS JOIN unnest(${limits}::int[], ${windowMs}::int[]) AS w(lim, ms)
        CROSS JOIN LATERAL (SELECT t FROM unnest(l."sentAt") AS t ORDER BY t DESC OFFSET w.lim - 1 LIMIT 1) AS x
      ), found AS (SELECT count(*)::int AS n FROM locked), counted AS (
        UPDATE "MemberRateLimit" m SET "lastSentAt" = GREATEST(m."lastSentAt", ${atDate}),
          "sentAt" = array_append(ARRAY(SELECT t FROM unnest(m."sentAt") AS t WHERE t > ${cutoff} ORDER BY t), ${atDate}::timestamptz(3))
        FROM waits, found WHERE m."key" = ANY(${keys}::text[]) AND waits.ms <= 0 AND found.n = ${keys.length}
        RETURNING m."key"
      )
      SELECT (SELECT ms FROM waits) AS "waitMs", (SELECT n FROM found) AS found, (SELECT count(*)::int FROM counted) AS counted`;
    if (!row || row.found < keys.length) return null;
    return Math.max(0, row.waitMs);
  };

  const createRows = (keys: string[], atDate: Date) => opts.db.$executeRaw`INSERT INTO "MemberRateLimit" ("key", "sentAt", "lastSentAt")
    SELECT k, '{}', ${atDate} FROM unnest(${keys}::text[]) AS k ORDER BY k ON CONFLICT ("key") DO NOTHING`;

  /** Moves the entry counted at `counted` to `answered` (no earlier than the message's arrival). */
  const markSent = (keys: string[], counted: Date, answered: Date) => opts.db.$executeRaw`
    UPDATE "MemberRateLimit" m SET "sentAt"[array_position(m."sentAt", ${counted}::timestamptz(3))] = ${answered}::timestamptz(3),
      "lastSentAt" = GREATEST(m."lastSentAt", ${answered})
    FROM (SELECT "key" FROM "MemberRateLimit" WHERE "key" = ANY(${keys}::text[]) ORDER BY "key" FOR UPDATE) AS l
    WHERE m."key" = l."key" AND array_position(m."sentAt", ${counted}::timestamptz(3)) IS NOT NULL`;

  return {
    async acquire(userIds) {
      const keys = [...new Set(userIds.map((u) => `wecom:${u}`))].sort();
      for (;;) {
        const at = new Date(now());
        const wait = (await tryAcquire(keys, at)) ?? (await createRows(keys, at), await tryAcquire(keys, at));
        // A failed move leaves the entry at its decision time, which the margin covers: the send
        // itself went out, and failing it here would only make the outbox retry it.
        if (wait === 0) return { sent: () => markSent(keys, at, new Date(Math.max(now(), at.getTime()))).then(() => undefined, () => undefined) };
        if (wait === null) continue;
        if (wait > maxWait) {
          const errmsg = `接收人消息频率已达企业微信上限（每人每分钟 30 条、每小时 1000 条），约 ${Math.ceil(wait / 1000)} 秒后重试`;
          throw new PlatformApiError({ platform: 'wecom', api: 'message/send', errcode: 'recipient_rate_limit', errmsg, retryable: true });
        }
        await sleep(wait);
      }
    },
  };
}
