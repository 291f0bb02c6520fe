// When a reminder job sends a digest instead of a card per item (转移接续提醒, 离职事项提醒): more
// than DIGEST_OVER reminders in one run. Thousands of item cards on a catch-up morning would flood
// the chat and, at the platforms' per-member rate limits, arrive over hours; a handful keep their
// own cards, whose buttons act on the item.
import { createHash } from 'node:crypto';

/** More reminders than this in one run go out as digests; this many or fewer as item cards. */
export const DIGEST_OVER = 10;

/** Rows per statement inside a digest's transaction: a large group's catch-up stays in bounded statements. */
export const DIGEST_CHUNK = 1000;

/**
 * `<prefix>-<32 hex of the items' keys>-<platform>`: the same items always make the same key, so a
 * racing instance that got the same items queues nothing twice (and one that got fewer, a
 * different card listing only those).
 * @example digestKey('td', ['pension_transfer:…:due'], 'wecom') // → 'td-3f2a…-wecom'
 */
export function digestKey(prefix: string, itemKeys: readonly string[], platform: string): string {
  const hash = createHash('sha256').update([...itemKeys].sort().join(',')).digest('hex');
  return `${prefix}-${hash.slice(0, 32)}-${platform}`;
}

/** `xs` in pieces of DIGEST_CHUNK. */
export function inChunks<T>(xs: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(xs.length / DIGEST_CHUNK) }, (_, i) => xs.slice(i * DIGEST_CHUNK, (i + 1) * DIGEST_CHUNK));
}

const pinyin = new Intl.Collator('zh').compare;

/** A digest's people in list order: the earliest day first (what has waited longest), then by name in pinyin order. */
export function byDayThenName<T extends { day: string; name: string }>(people: readonly T[]): T[] {
  return [...people].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : pinyin(a.name, b.name)));
}
