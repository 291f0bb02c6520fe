// 临时基本养老保险缴费账户: a man aged 50 or over, or a woman aged 40 or over, who moves across
// provinces to a place that is not their hukou province keeps the pension relationship at the old
// place and gets a temporary contribution account at the new one
// (《城镇企业职工基本养老保险关系转移接续暂行办法》第六条; moves arranged by an organisation department are
// exempt, which HR judges).
import { ageInYears } from '../retirement/month-math.ts';
import { provinceOf, type Province } from './city-province.ts';

export const TEMPORARY_ACCOUNT_BASIS = '《城镇企业职工基本养老保险关系转移接续暂行办法》第六条';

export interface TemporaryAccountFacts {
  sex: 'male' | 'female' | null;
  /** 'YYYY-MM-DD' */
  birthDate: string | null;
  /** The province of the hukou (户籍), as recorded or from the ID number. */
  hukouProvince: Province | undefined;
  insuredCity: string;
  previousInsuredCity: string | null;
  /** 'YYYY-MM-DD': the day the move happens (the hire's start day). */
  on: string;
}

/** The reason shown to HR when the rule applies, else undefined. */
export function temporaryAccountFlag(f: TemporaryAccountFacts): string | undefined {
  if (!f.sex || !f.birthDate || !f.hukouProvince) return undefined;
  const age = ageInYears(f.birthDate, f.on);
  if (age < (f.sex === 'male' ? 50 : 40)) return undefined;
  const here = provinceOf(f.insuredCity);
  if (!here || here.code === f.hukouProvince.code) return undefined;
  // Only a move across provinces: from a city of the same province there is nothing to keep.
  const from = f.previousInsuredCity ? provinceOf(f.previousInsuredCity) : undefined;
  if (from && from.code === here.code) return undefined;
  const who = f.sex === 'male' ? '男性年满50周岁' : '女性年满40周岁';
  return `${who}且户籍（${f.hukouProvince.name}）不在参保地所在省（${here.name}）：应在参保地建立临时基本养老保险缴费账户，养老保险关系暂不转入（${TEMPORARY_ACCOUNT_BASIS}）`;
}
