// Access tokens and JS-SDK tickets, cached in PlatformToken so every instance shares one
// token (WeCom and DingTalk both cap how often a token may be fetched), refreshed a few
// minutes before expiry, with one fetch in flight per key in this process.
import type { Db } from '../db/client.ts';

export interface FetchedToken {
  value: string;
  expiresInS: number;
}

export interface TokenCache {
  get(key: string, fetch: () => Promise<FetchedToken>): Promise<string>;
  /** Drops `value` after the platform rejected it; a token another instance already replaced stays. */
  invalidate(key: string, value: string): Promise<void>;
}

interface Held {
  value: string;
  expiresAt: number;
}

export function createTokenCache(db: Db, opts: { now?: () => number; refreshEarlyMs?: number } = {}): TokenCache {
  const now = opts.now ?? Date.now;
  const early = opts.refreshEarlyMs ?? 5 * 60_000;
  const memo = new Map<string, Held>();
  const inflight = new Map<string, Promise<string>>();
  const fresh = (h: Held | undefined) => h !== undefined && h.expiresAt - early > now();

  async function load(key: string, fetch: () => Promise<FetchedToken>): Promise<string> {
    const row = await db.platformToken.findUnique({ where: { key } });
    const stored = row ? { value: row.value, expiresAt: row.expiresAt.getTime() } : undefined;
    if (stored && fresh(stored)) {
      memo.set(key, stored);
      return stored.value;
    }
    const got = await fetch();
    const held = { value: got.value, expiresAt: now() + got.expiresInS * 1000 };
    const data = { value: held.value, expiresAt: new Date(held.expiresAt) };
    await db.platformToken.upsert({ where: { key }, create: { key, ...data }, update: data });
    memo.set(key, held);
    return held.value;
  }

  return {
    async get(key, fetch) {
      const held = memo.get(key);
      if (fresh(held)) return (held as Held).value;
      let pending = inflight.get(key);
      if (!pending) {
        pending = load(key, fetch).finally(() => inflight.delete(key));
        inflight.set(key, pending);
      }
      return pending;
    },
    async invalidate(key, value) {
      if (memo.get(key)?.value === value) memo.delete(key);
      await db.platformToken.deleteMany({ where: { key, value } });
    },
  };
}
