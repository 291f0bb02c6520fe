// Platform APIs cap how much one call may ask for; these split a request into allowed pieces.

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Splits the inclusive integer range [from, to] into windows whose `end - start` is at most
 * `maxSpan`; consecutive windows do not overlap, so no record is fetched twice.
 */
export function splitRange(from: number, to: number, maxSpan: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let start = from; start <= to; ) {
    const end = Math.min(start + maxSpan, to);
    out.push({ start, end });
    start = end + 1;
  }
  return out;
}
