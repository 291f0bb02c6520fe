// Times as people at the company read them: Asia/Shanghai whatever the browser's zone, so a
// decision stamp reads the same on a laptop abroad as in the WeCom client. Every H5 page and the
// sandbox format instants through here, never with the browser's own zone.
const TZ = 'Asia/Shanghai';
const fmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function parts(at: Date): Record<string, string> {
  return Object.fromEntries(fmt.formatToParts(at).map((p) => [p.type, p.value]));
}

/** '2026-12-07' for 2026-12-06T22:45Z: the Asia/Shanghai day of an instant. */
export function shanghaiDate(iso: string): string {
  const p = parts(new Date(iso));
  return `${p.year}-${p.month}-${p.day}`;
}

/** '06:45' */
export function shanghaiTime(iso: string): string {
  const p = parts(new Date(iso));
  return `${p.hour}:${p.minute}`;
}

/** '2026-12-24 10:03' */
export function shanghaiDateTime(iso: string): string {
  const p = parts(new Date(iso));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The chat's time divider: '10:03' today, '12-23 10:03' this year, else the full date. */
export function chatTime(iso: string, now = new Date()): string {
  const p = parts(new Date(iso));
  const n = parts(now);
  if (p.year !== n.year) return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  if (p.month !== n.month || p.day !== n.day) return `${p.month}-${p.day} ${p.hour}:${p.minute}`;
  return `${p.hour}:${p.minute}`;
}

/** A divider goes above a message sent five minutes or more after the previous one. */
export function needsDivider(prevIso: string | undefined, iso: string): boolean {
  return !prevIso || Date.parse(iso) - Date.parse(prevIso) >= 5 * 60_000;
}

/** '2026-01' → '2026年1月'. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}
