// Amounts are integer fen; yuan strings are parsed exactly (no float arithmetic).

export function yuanToFen(yuan: string | number): number | undefined {
  const text = typeof yuan === 'number' ? String(yuan) : yuan.trim().replace(/[,¥￥\s]/g, '');
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function fenToYuan(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** '¥1,234.56' for people. */
export function formatYuan(fen: number): string {
  const [int, dec] = fenToYuan(fen).split('.');
  return `¥${Number(int).toLocaleString('en-US')}.${dec}`;
}
