// Legal dates are calendar days in BUSINESS_TZ, stored as DATE (UTC midnight in JS).

/** 'YYYY-MM-DD' of an instant, as seen in the time zone. */
export function dayIn(tz: string, instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function formatDay(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

export function isValidDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = parseDay(day);
  return !Number.isNaN(d.getTime()) && formatDay(d) === day;
}

export function addDays(day: string, n: number): string {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + n);
  return formatDay(d) as string;
}

/** Time shown to people: 'YYYY-MM-DD HH:mm' in the zone. */
export function formatDateTime(tz: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The instant day `day` begins in the zone (00:00 local); `startOfDayIn(tz, addDays(d, 1))` ends day d. */
export function startOfDayIn(tz: string, day: string): Date {
  const naive = parseDay(day).getTime();
  // Two passes settle the zone's offset even across a DST change (Asia/Shanghai has none).
  let guess = naive;
  for (let i = 0; i < 2; i++) guess = naive - offsetMs(tz, new Date(guess));
  return new Date(guess);
}

function offsetMs(tz: string, instant: Date): number {
  const local = formatDateTime(tz, instant);
  const asUtc = Date.parse(`${local.replace(' ', 'T')}:00.000Z`);
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}
