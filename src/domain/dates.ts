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

const pad2 = (x: number) => (x < 10 ? `0${x}` : String(x));

/**
 * The calendar walks of the sweeps (working-day counts, schedules) call this tens of thousands of
 * times a run: four-digit years take the arithmetic path (a quarter of the time of parsing and
 * printing an ISO string), anything else the ISO path, which also throws on an invalid day.
 */
export function addDays(day: string, n: number): string {
  const year = Number(day.slice(0, 4));
  if (day.length === 10 && year >= 1000 && year <= 9999) {
    const d = new Date(Date.UTC(year, Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + n));
    const y = d.getUTCFullYear();
    if (y >= 1000 && y <= 9999) return `${y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  }
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
