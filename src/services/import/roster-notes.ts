// What HR should know about rows an import wrote, without rejecting them: a 未成年工 (accepted,
// but protected: 《劳动法》第五十八条), a woman whose 退休类别 is missing (her statutory retirement
// age cannot be computed: women's rows differ by post, which no ID number tells), and a number
// taken as a passport (it started with a letter, which no Chinese ID number does).
import { effectiveRetirementCategory, FEMALE_CATEGORY_MISSING_NOTE } from '../../domain/retirement/retirement-category.ts';
import { MINOR_WORKER_NOTE, workingAge } from '../../domain/working-age.ts';
import type { RosterProblem, RosterRecord } from './map-roster-row.ts';
import type { RosterPlan } from './plan-roster-changes.ts';
import { headerOf } from './roster-columns.ts';

export const PASSPORT_NOTE = '以字母开头，已按护照号码登记（中国身份证号不含字母开头）';

export function rosterNotes(plan: RosterPlan, records: RosterRecord[], today: string): RosterProblem[] {
  const rowOf = new Map(records.map((r) => [r.input.employeeNo, r.row]));
  const notes: RosterProblem[] = [];
  for (const { employeeNo, columns: c } of [...plan.creates, ...plan.updates]) {
    const row = rowOf.get(employeeNo) ?? 0;
    if (c.birthDate && workingAge(c.birthDate, today) === 'minor') notes.push({ row, column: headerOf.idNumber, message: MINOR_WORKER_NOTE });
    if (c.idType === 'passport' && c.idNumberHash) notes.push({ row, column: headerOf.idNumber, message: PASSPORT_NOTE });
    if (c.sex === 'female' && !effectiveRetirementCategory(c.retirementCategory, c.sex)) {
      notes.push({ row, column: headerOf.retirementCategory, message: FEMALE_CATEGORY_MISSING_NOTE });
    }
  }
  return notes.sort((a, b) => a.row - b.row);
}
