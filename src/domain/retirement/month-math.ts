// Calendar-month arithmetic on 'YYYY-MM' and 'YYYY-MM-DD' strings: ages and retirement dates
// count whole months, which Date's millisecond arithmetic does not.

/** Months since year 0: '1966-03' → 1966 * 12 + 2. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

/** The same day `n` months on (or back), clamped to the month's last day: '2024-01-31' + 1 → '2024-02-29'. */
export function addMonthsToDay(day: string, n: number): string {
  const month = monthOfIndex(monthIndex(day.slice(0, 7)) + n);
  const dom = Math.min(Number(day.slice(8, 10)), daysInMonth(month));
  return `${month}-${String(dom).padStart(2, '0')}`;
}

/** Completed years of age on `today` ('YYYY-MM-DD' both): the birthday itself counts as reached. */
export function ageInYears(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
