// Deterministic personal details for demo person number i: the same i always gives the same
// name, ID number and mobile, and different i never collide (see the comment on each).
import { addDays, formatDay, parseDay } from '../../domain/dates.ts';
import { checkDigitOf } from '../../domain/id-number.ts';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, MOBILE_PREFIXES, REGION_CODES, SURNAMES } from './demo-names.ts';

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

/** Men and women alternate; each given name is used once, so full names never repeat. */
export function demoName(i: number): { name: string; male: boolean } {
  const male = i % 2 === 0;
  const given = (male ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES)[Math.floor(i / 2)];
  if (given === undefined) throw new Error(`demo roster needs more given names (person ${i})`);
  return { name: pick(SURNAMES, i * 7) + given, male };
}

/** A birthday 1–300 days before today's date `age` years ago, so the person is exactly `age`. */
export function demoBirthDay(today: string, age: number, i: number): string {
  const anniversary = parseDay(today);
  anniversary.setUTCFullYear(anniversary.getUTCFullYear() - age);
  return addDays(formatDay(anniversary) as string, -(1 + ((i * 37) % 300)));
}

/**
 * GB 11643 number: region, birth date, a 3-digit order code (odd for men, even for women) and
 * the check digit. The order code starts with i, so numbers are unique for up to 100 people.
 */
export function demoIdNumber(i: number, birthDay: string, male: boolean): string {
  const order = String(i % 100).padStart(2, '0') + String(((i % 5) * 2) + (male ? 1 : 0));
  const first17 = pick(REGION_CODES, i * 5) + birthDay.replaceAll('-', '') + order;
  return first17 + checkDigitOf(first17);
}

/** 73,856,093 is coprime with 10^8, so the eight-digit tails are distinct for every i. */
export function demoMobile(i: number): string {
  return pick(MOBILE_PREFIXES, i) + String((i * 73_856_093 + 12_345_678) % 100_000_000).padStart(8, '0');
}

/** People start on a working day: a Saturday or Sunday start moves to the Monday. */
export function onWeekday(day: string): string {
  const weekday = parseDay(day).getUTCDay();
  if (weekday === 6) return addDays(day, 2);
  if (weekday === 0) return addDays(day, 1);
  return day;
}
