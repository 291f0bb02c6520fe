import { describe, expect, it } from 'vitest';
import { checkDigitOf, findIdNumberProblem, idNumberMessage, sexOf, upgradeLegacyIdNumber } from '../../src/domain/id-number.ts';
import { findDocumentProblem, identityFacts, inferIdType } from '../../src/domain/identity-document.ts';

/** An 18-digit number with a correct check digit for the given first 17 digits. */
const withCheck = (first17: string) => first17 + checkDigitOf(first17);

describe('GB 11643 ID numbers', () => {
  // The standard's own example: 11010519491231002X.
  it('accepts the GB 11643-1999 example number with check character X', () => {
    expect(checkDigitOf('11010519491231002')).toBe('X');
    expect(findIdNumberProblem('11010519491231002X')).toBeUndefined();
    expect(findIdNumberProblem('11010519491231002x')).toBeUndefined();
  });

  it('accepts a number with a numeric check digit', () => {
    expect(findIdNumberProblem('440305199001010018')).toBeUndefined();
  });

  it.each([
    ['110105194912310021', 'check_digit'],
    ['11010519491231002', 'length'],
    ['1101051949123100211', 'length'],
    ['11010519491231A02X', 'characters'],
    [withCheck('11010519490230002'), 'birth_date'],
    [withCheck('11010518991231002'), 'birth_date'],
    [withCheck('91010519900101001'), 'region'],
    [withCheck('71010519900101001'), 'region'],
    [withCheck('00010519900101001'), 'region'],
    [withCheck('19010519900101001'), 'region'],
  ])('rejects %s as %s', (id, problem) => {
    expect(findIdNumberProblem(id)).toBe(problem);
  });

  it('accepts every mainland province code and no other', () => {
    const valid = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
    for (let code = 0; code < 100; code++) {
      const prefix = String(code).padStart(2, '0');
      const problem = findIdNumberProblem(withCheck(`${prefix}010519900101001`));
      expect(problem, prefix).toBe(valid.includes(prefix) ? undefined : 'region');
    }
  });

  it('treats a child’s number as a valid number: age is judged by working-age rules, not as a typo', () => {
    expect(findIdNumberProblem(withCheck('11010520150101001'))).toBeUndefined();
  });

  it('offers the 18-digit form of a 15-digit legacy number', () => {
    expect(upgradeLegacyIdNumber('110105491231002')).toBe('11010519491231002X');
    expect(findIdNumberProblem('110105491231002')).toBe('legacy_15');
    expect(idNumberMessage('110105491231002', 'legacy_15')).toBe('这是15位旧身份证号，请改用18位号码：11010519491231002X');
  });

  it('does not offer an upgrade for a 15-digit number that is wrong anyway', () => {
    expect(findIdNumberProblem('910105491231002')).toBe('region');
    expect(findIdNumberProblem('110105490230002')).toBe('birth_date');
  });

  it('reads the sex from the 17th digit: odd for men, even for women', () => {
    expect(sexOf('11010519491231002X')).toBe('female');
    expect(sexOf(withCheck('11010519900101001'))).toBe('male');
  });
});

describe('identity documents', () => {
  it('reads 港澳台居民居住证 numbers by their 810000/820000/830000 region codes', () => {
    for (const region of ['810000', '820000', '830000']) {
      const id = withCheck(`${region}19900101002`);
      expect(inferIdType(id)).toBe('residence_permit');
      expect(findDocumentProblem(id, 'residence_permit')).toBeUndefined();
      expect(identityFacts(id, 'residence_permit')).toEqual({ idType: 'residence_permit', birthDate: '1990-01-01', sex: 'female' });
    }
    expect(findDocumentProblem(withCheck('83010119900101002'), 'residence_permit')).toBe('港澳台居民居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头');
    expect(findDocumentProblem(withCheck('11010519900101002'), 'residence_permit')).toMatch(/810000/);
  });

  it('takes a number starting with a letter for a passport, and anything else for a resident ID', () => {
    expect(inferIdType('E12345678')).toBe('passport');
    expect(inferIdType(' g1234567 ')).toBe('passport');
    expect(inferIdType('11010519491231002X')).toBe('resident_id');
    // A mistyped ID number stays an ID number, so it is reported rather than stored as a passport.
    expect(inferIdType('1101051949123100')).toBe('resident_id');
    expect(inferIdType('123456789')).toBe('resident_id');
  });

  it('checks passport numbers for their shape only; they tell no birth date or sex', () => {
    expect(findDocumentProblem('E 1234 5678', 'passport')).toBeUndefined();
    expect(findDocumentProblem('E1-234', 'passport')).toBe('护照号码应为 5–20 位字母或数字');
    expect(findDocumentProblem('E12', 'passport')).toBe('护照号码应为 5–20 位字母或数字');
    expect(identityFacts('E12345678', 'passport')).toEqual({ idType: 'passport', birthDate: null, sex: null });
  });

  it('words resident ID problems as before', () => {
    expect(findDocumentProblem('110105194912310021', 'resident_id')).toBe('身份证号校验位错误（GB 11643），请核对是否输错');
  });
});
