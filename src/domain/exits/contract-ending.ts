// 解除 or 终止, as the contract actually ended (劳动合同法 第三十六至四十四条). A dismissal (第三十九条),
// a resignation (第三十七条, 第三十八条) and a mutual agreement (第三十六条) 解除 the contract; its
// expiry (第四十四条第（一）项) or the employee's retirement (第四十四条第（二）项) 终止 it. An exit HR set
// by hand (OTHER) is read from the facts: the exit on the last day of the term, or on or after the
// statutory retirement day, is an ending; anything else a 解除.
import { effectiveRetirementCategory } from '../retirement/retirement-category.ts';
import { statutoryRetirementDay, type RetirementCategory } from '../retirement/statutory-retirement.ts';

export interface EndingFacts {
  kind: string;
  exitDate: string;
  contractEnd: string | null;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  retirementCategory: RetirementCategory | null;
}

export function contractEnding(f: EndingFacts): '解除' | '终止' {
  if (f.kind !== 'OTHER') return '解除';
  if (f.contractEnd !== null && f.exitDate === f.contractEnd) return '终止';
  const category = effectiveRetirementCategory(f.retirementCategory, f.sex);
  if (f.birthDate && category && f.exitDate >= statutoryRetirementDay(f.birthDate, category)) return '终止';
  return '解除';
}
