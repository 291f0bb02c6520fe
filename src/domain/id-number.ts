// Resident identity card numbers, GB 11643-1999: a 6-digit region code (GB/T 2260), the birth
// date (positions 7-14), a 3-digit sequence whose last digit is odd for men, and an ISO 7064
// MOD 11-2 check character (0-9 or X). 港澳台居民居住证 numbers (国办发〔2018〕81号) follow the same
// layout with the region code 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan).
import { isValidDay } from './dates.ts';
import { isMainlandProvinceCode } from './province-codes.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const RESIDENCE_PERMIT_REGIONS = new Set(['810000', '820000', '830000']);

export type ChineseIdType = 'resident_id' | 'residence_permit';

export type IdNumberProblem = 'length' | 'characters' | 'legacy_15' | 'region' | 'birth_date' | 'check_digit';

const messages: Record<Exclude<IdNumberProblem, 'legacy_15'>, (doc: string) => string> = {
  length: (doc) => `${doc}应为 18 位`,
  characters: (doc) => `${doc}前 17 位应为数字，最后一位为数字或 X`,
  region: (doc) => doc === '身份证号'
    ? '身份证号前 2 位不是有效的省级行政区划代码（GB/T 2260），请核对'
    : `${doc}应以 810000（香港）、820000（澳门）或 830000（台湾）开头`,
  birth_date: (doc) => `${doc}中的出生日期不合理`,
  check_digit: (doc) => `${doc}校验位错误（GB 11643），请核对是否输错`,
};

/**
 * The message for a problem; a 15-digit number names its 18-digit form.
 * @example idNumberMessage('110105491231002', 'legacy_15') // → '这是15位旧身份证号，请改用18位号码：11010519491231002X'
 */
export function idNumberMessage(raw: string, problem: IdNumberProblem, type: ChineseIdType = 'resident_id'): string {
  if (problem === 'legacy_15') return `这是15位旧身份证号，请改用18位号码：${upgradeLegacyIdNumber(normalizeIdNumber(raw))}`;
  return messages[problem](type === 'residence_permit' ? '港澳台居民居住证号码' : '身份证号');
}

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function checkDigitOf(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * (WEIGHTS[i] ?? 0), 0);
  return CHECK[sum % 11] as string;
}

/** A first-generation number (15 digits, 2-digit year, no check digit, all born in the 1900s) in its 18-digit form. */
export function upgradeLegacyIdNumber(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6, 15)}`;
  return first17 + checkDigitOf(first17);
}

/** The card type a well-formed number belongs to: the residence permits have their own region codes. */
export function chineseIdTypeOf(id: string): ChineseIdType {
  return RESIDENCE_PERMIT_REGIONS.has(id.slice(0, 6)) ? 'residence_permit' : 'resident_id';
}

/**
 * Returns the first problem found, or undefined when the number is valid. Age is not judged
 * here: a child's number is a valid number (see working-age.ts).
 */
export function findIdNumberProblem(raw: string, type: ChineseIdType = 'resident_id'): IdNumberProblem | undefined {
  const id = normalizeIdNumber(raw);
  // A valid first-generation number is offered in its 18-digit form; an invalid one is just wrong.
  if (/^\d{15}$/.test(id)) return findIdNumberProblem(upgradeLegacyIdNumber(id), type) ?? 'legacy_15';
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  const regionOk = type === 'residence_permit' ? RESIDENCE_PERMIT_REGIONS.has(id.slice(0, 6)) : isMainlandProvinceCode(id.slice(0, 2));
  if (!regionOk) return 'region';
  if (!plausibleBirthDate(birthDateOf(id))) return 'birth_date';
  if (checkDigitOf(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return undefined;
}

/** 'YYYY-MM-DD' from a valid 18-digit number. */
export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** GB 11643 §5.3: the sequence code's last digit (position 17) is odd for men, even for women. */
export function sexOf(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** A real calendar day, no earlier than 1900. Too young is a labour-law matter, not a typo. */
function plausibleBirthDate(day: string): boolean {
  return isValidDay(day) && day >= '1900-01-01';
}
