// WeCom drops messages beyond 30/min and 1000/h to one member *silently*, so a sender must
// hold back instead of sending. Counted per user id in this process; several instances each
// count their own sends (keep instance count × rate within the limit, or route through one).
// WeCom counts a message when it arrives, the limiter when it is let go: a send slower in transit
// than the next minute's first would land inside WeCom's minute and be dropped (seen in
// `npm run bench`, outbox section). So each send is stamped again when its call ends (`sent()`),
// and the window runs from whichever is later — never earlier than the arrival.
import { PlatformApiError } from '../platform-api-error.ts';

export interface RateWindow {
  limit: number;
  windowMs: number;
}

export const WECOM_MEMBER_LIMITS: RateWindow[] = [
  { limit: 30, windowMs: 60_000 },
  { limit: 1000, windowMs: 3_600_000 },
];

export interface RecipientRateLimiter {
  /**
   * Resolves when every user may receive one more message (and counts it), or throws a retryable
   * error. Call the returned function when the send's call has ended (answered or failed): the
   * message is then counted from that instant.
   */
  acquire(userIds: string[]): Promise<() => void>;
}

export function createRecipientRateLimiter(opts: {
  windows?: RateWindow[];
  /** Longer waits are handed back to the outbox as a retryable error instead of blocking a worker. */
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
} = {}): RecipientRateLimiter {
  const windows = opts.windows ?? WECOM_MEMBER_LIMITS;
  const maxWait = opts.maxWaitMs ?? 65_000;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)));
  const longest = Math.max(...windows.map((w) => w.windowMs));
  const sent = new Map<string, number[]>();

  const waitFor = (user: string, at: number): number => {
    const times = (sent.get(user) ?? []).filter((t) => t > at - longest).sort((a, b) => a - b);
    sent.set(user, times);
    let wait = 0;
    for (const w of windows) {
      const inWindow = times.filter((t) => t > at - w.windowMs);
      const over = inWindow.length - w.limit;
      if (over >= 0) wait = Math.max(wait, (inWindow[over] as number) + w.windowMs - at);
    }
    return wait;
  };

  return {
    async acquire(userIds) {
      for (;;) {
        const at = now();
        const wait = Math.max(0, ...userIds.map((u) => waitFor(u, at)));
        if (wait === 0) {
          for (const u of userIds) (sent.get(u) as number[]).push(at); // waitFor() created every list
          return () => {
            const ended = now();
            for (const u of userIds) {
              const times = sent.get(u) ?? [];
              const i = times.lastIndexOf(at);
              if (i >= 0) times[i] = Math.max(at, ended);
            }
          };
        }
        if (wait > maxWait) {
          const errmsg = `接收人消息频率已达企业微信上限（每人每分钟 30 条、每小时 1000 条），约 ${Math.ceil(wait / 1000)} 秒后重试`;
          throw new PlatformApiError({ platform: 'wecom', api: 'message/send', errcode: 'recipient_rate_limit', errmsg, retryable: true });
        }
        await sleep(wait);
      }
    },
  };
}
