// The plausibility warning on a RETIRED_PENSIONER exception (domain/retirement/pension-plausibility.ts),
// read from the employee's stored birth date, sex and 退休类别. Null for every other reason.
import { pensionerAgeWarning } from '../../domain/retirement/pension-plausibility.ts';
import { formatDay } from '../../domain/dates.ts';
import type { Db, Tx } from '../../db/client.ts';

export async function pensionerAgeCheck(db: Db | Tx, e: { employeeId: string; reasonCategory: string }, today: string): Promise<string | null> {
  if (e.reasonCategory !== 'RETIRED_PENSIONER') return null;
  const p = await db.employee.findUniqueOrThrow({ where: { id: e.employeeId }, select: { birthDate: true, sex: true, retirementCategory: true } });
  return pensionerAgeWarning({ birthDate: formatDay(p.birthDate), sex: p.sex, category: p.retirementCategory }, today);
}
