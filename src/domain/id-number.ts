// Resident identity card numbers, GB 11643-1999: 17 digits + an ISO 7064 MOD 11-2 check
// character (0-9 or X), with the birth date in positions 7-14.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'birth_date' | 'check_digit';

export const idNumberMessages: Record<IdNumberProblem, string> = {
  length: '身份证号应为 18 位',
  characters: '身份证号前 17 位应为数字，最后一位为数字或 X',
  birth_date: '身份证号中的出生日期不合理',
  check_digit: '身份证号校验位错误（GB 11643），请核对是否输错',
};

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function checkDigitOf(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * (WEIGHTS[i] ?? 0), 0);
  return CHECK[sum % 11] as string;
}

/** Returns the first problem found, or undefined when the number is valid. */
export function findIdNumberProblem(raw: string, today = new Date()): IdNumberProblem | undefined {
  const id = normalizeIdNumber(raw);
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  if (!plausibleBirthDate(id.slice(6, 14), today)) return 'birth_date';
  if (checkDigitOf(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return undefined;
}

/** Born no earlier than 1900 and at least 16 (the legal minimum working age, 劳动法 Art. 15) by today. */
function plausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  if (y < 1900) return false;
  const sixteenth = new Date(Date.UTC(y + 16, m - 1, d));
  return sixteenth.getTime() <= today.getTime();
}
