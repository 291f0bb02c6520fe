// Line breaking for mixed Chinese/Latin text in a PDF, where nothing wraps by itself. A Chinese
// character may break anywhere; a Latin word or number stays whole unless it alone is wider than
// the line; closing punctuation never starts a line (GB/T 15834 标点禁则).
export interface Measure {
  (text: string): number;
}

const TOKEN = /[A-Za-z0-9@._:/\-+=%#&?~]+|\s+|./gsu;
const NO_LINE_START = /^[，。、；：？！）》」』】”’,.;:?!)\]]/u;

/** Replaces control characters (which a PDF font cannot draw) with spaces. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/**
 * @example
 *   wrapText('本人已依法享受基本养老保险待遇…', 400, (s) => font.widthOfTextAtSize(s, 11))
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (let token of printable(text).match(TOKEN) ?? []) {
    const space = /^\s+$/.test(token);
    if (line === '' && space) continue;
    if (line === '' || NO_LINE_START.test(token) || measure(line + token) <= maxWidth) {
      line += token;
    } else {
      lines.push(line.trimEnd());
      line = space ? '' : token;
    }
    // A token wider than a whole line (a long user agent, a hash) is cut by character.
    while (line === token && line.length > 1 && measure(line) > maxWidth) {
      const chars = [...line];
      let n = chars.length - 1;
      while (n > 1 && measure(chars.slice(0, n).join('')) > maxWidth) n--;
      lines.push(chars.slice(0, n).join(''));
      line = token = chars.slice(n).join('');
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}
