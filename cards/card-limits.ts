// Platform text limits. WeCom counts characters (字), DingTalk counts bytes (UTF-8); both are
// enforced here by whole code points, so a cut never splits a Chinese character or an emoji.

const ELLIPSIS = '…';

/** At most `max` characters; a longer text keeps its start and ends with '…'. */
export function truncateChars(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, max - 1).join('') + ELLIPSIS;
}

/** At most `maxBytes` of UTF-8; a longer text keeps its start and ends with '…' (3 bytes). */
export function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let used = Buffer.byteLength(ELLIPSIS);
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (used + size > maxBytes) break;
    out += ch;
    used += size;
  }
  return out + ELLIPSIS;
}

/**
 * WeCom task_id and DingTalk outTrackId share one rule: [0-9a-zA-Z_-@], at most 128 bytes.
 * A bad key is a programming error (the platform would refuse the card with 42014), so throw.
 */
export function assertCardKey(key: string): string {
  if (!/^[0-9A-Za-z_\-@]{1,128}$/.test(key)) {
    throw new Error(`card key "${key}" must be 1–128 characters of 0-9 a-z A-Z _ - @ (WeCom task_id / DingTalk outTrackId)`);
  }
  return key;
}

/** Throws when `items` exceeds a platform's count limit: dropping a button would hide an action. */
export function assertAtMost(what: string, count: number, max: number): void {
  if (count > max) throw new Error(`${what}: ${count} given, the platform allows at most ${max}`);
}

/** A link shown in a chat client must be absolute; a relative one would open nothing. */
export function assertAbsoluteUrl(url: string, where: string): string {
  if (!/^https?:\/\//.test(url)) throw new Error(`${where}: "${url}" is not an absolute http(s) URL (check PUBLIC_BASE_URL)`);
  return url;
}
