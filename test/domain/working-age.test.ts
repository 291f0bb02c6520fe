import { describe, expect, it } from 'vitest';
import { dayIn } from '../../src/domain/dates.ts';
import { ageInYears } from '../../src/domain/retirement/month-math.ts';
import { childLabourMessage, workingAge } from '../../src/domain/working-age.ts';

describe('working age (劳动法 第十五条, 第五十八条)', () => {
  it('alarms for anyone under 16, flags 16 and 17 as 未成年工, and passes adults', () => {
    expect(workingAge('2010-12-08', '2026-12-07')).toBe('child');
    expect(workingAge('2010-12-07', '2026-12-07')).toBe('minor');
    expect(workingAge('2008-12-08', '2026-12-07')).toBe('minor');
    expect(workingAge('2008-12-07', '2026-12-07')).toBe('adult');
  });

  it('counts the age on the Shanghai day: at 2026-12-06T20:00Z a person born 2010-12-07 is already 16', () => {
    const instant = new Date('2026-12-06T20:00:00Z');
    expect(dayIn('Asia/Shanghai', instant)).toBe('2026-12-07');
    expect(workingAge('2010-12-07', dayIn('Asia/Shanghai', instant))).toBe('minor');
    // The UTC date would still say 15.
    expect(workingAge('2010-12-07', instant.toISOString().slice(0, 10))).toBe('child');
  });

  it('counts a 29 February birthday as reached on 1 March in common years', () => {
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('cites the law in the child-labour alarm', () => {
    expect(childLabourMessage('idNumber')).toBe('该身份证号显示未满16周岁，用人单位不得招用未满16周岁的未成年人（《劳动法》第十五条；《禁止使用童工规定》第二条）');
  });
});
