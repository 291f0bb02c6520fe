import { describe, expect, it } from 'vitest';
import { checkDigitOf, findIdNumberProblem } from '../../src/domain/id-number.ts';

const today = new Date('2026-11-22T00:00:00Z');

describe('GB 11643 ID numbers', () => {
  // The standard's own example: 11010519491231002X.
  it('accepts the GB 11643-1999 example number with check character X', () => {
    expect(checkDigitOf('11010519491231002')).toBe('X');
    expect(findIdNumberProblem('11010519491231002X', today)).toBeUndefined();
    expect(findIdNumberProblem('11010519491231002x', today)).toBeUndefined();
  });

  it('accepts a number with a numeric check digit', () => {
    expect(findIdNumberProblem('440305199001010018', today)).toBeUndefined();
  });

  it.each([
    ['110105194912310021', 'check_digit'],
    ['11010519491231002', 'length'],
    ['1101051949123100211', 'length'],
    ['11010519491231A02X', 'characters'],
    ['110105194902300023', 'birth_date'],
    ['110105189912310025', 'birth_date'],
    ['110105201501010012', 'birth_date'],
  ])('rejects %s as %s', (id, problem) => {
    expect(findIdNumberProblem(id, today)).toBe(problem);
  });
});
