// The identity document an employee is recorded with: a 居民身份证, a 港澳台居民居住证, or — for
// foreign staff — a passport. All three are stored sealed like any ID number (crypto/personal-data.ts).
import { birthDateOf, chineseIdTypeOf, findIdNumberProblem, idNumberMessage, normalizeIdNumber, sexOf } from './id-number.ts';

export const ID_TYPES = ['resident_id', 'residence_permit', 'passport'] as const;
export type IdType = (typeof ID_TYPES)[number];

export const idTypeLabels: Record<IdType, string> = {
  resident_id: '居民身份证',
  residence_permit: '港澳台居民居住证',
  passport: '护照',
};

/** What the number itself tells; a passport tells neither birth date nor sex. */
export interface IdentityFacts {
  idType: IdType;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
}

const PASSPORT = /^[A-Z0-9]{5,20}$/;
export const PASSPORT_MESSAGE = '护照号码应为 5–20 位字母或数字';

/** Passports: upper case, no spaces; ID numbers: trimmed, upper-case X. */
export function normalizeDocumentNumber(raw: string, type: IdType): string {
  return type === 'passport' ? raw.replace(/\s+/g, '').toUpperCase() : normalizeIdNumber(raw);
}

/**
 * The type of a number given without one. No Chinese ID number starts with a letter, so one
 * that does is a passport; the residence permits have their own region codes. Anything else
 * is read as a 居民身份证 (so a mistyped ID is reported as such, never taken for a passport).
 * @example inferIdType('E12345678') // → 'passport'
 */
export function inferIdType(raw: string): IdType {
  const value = raw.trim().toUpperCase();
  if (/^[A-Z]/.test(value)) return 'passport';
  return /^\d{17}[\dX]$/.test(value) ? chineseIdTypeOf(value) : 'resident_id';
}

/** The message to show, or undefined when the number is valid for its type. */
export function findDocumentProblem(raw: string, type: IdType): string | undefined {
  if (type === 'passport') return PASSPORT.test(normalizeDocumentNumber(raw, type)) ? undefined : PASSPORT_MESSAGE;
  const problem = findIdNumberProblem(raw, type);
  return problem && idNumberMessage(raw, problem, type);
}

/** Facts of a number already found valid for its type. */
export function identityFacts(number: string, type: IdType): IdentityFacts {
  if (type === 'passport') return { idType: type, birthDate: null, sex: null };
  return { idType: type, birthDate: birthDateOf(number), sex: sexOf(number) };
}
