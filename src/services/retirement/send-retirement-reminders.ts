// A month before an employee reaches the statutory retirement age (渐进式延迟法定退休年龄), HR gets a
// card: time to check the contribution years and prepare the pension application, and the labour
// contract ends at that age (《劳动合同法实施条例》第二十一条). One Alert per employee and retirement
// month (its uniqueKey) makes the card go out once, whatever the reruns; the Alert, the cards and
// their outbox messages commit together. Run daily by the exit-task-reminders job.
import { buildRetirementDueCard } from '../../../cards/retirement-due-card.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import { addMonthsToDay } from '../../domain/retirement/month-math.ts';
import { effectiveRetirementCategory } from '../../domain/retirement/retirement-category.ts';
import { formatRetirementAge, retirementCategoryLabels, statutoryRetirement, statutoryRetirementDay } from '../../domain/retirement/statutory-retirement.ts';
import type { ServiceDeps } from '../deps.ts';
import { queueExitCard } from '../exits/queue-exit-card.ts';
import { fillIdentityFacts } from './fill-identity-facts.ts';

export const RETIREMENT_ALERT_KIND = 'retirement';

/** `retirement:<employee>:<YYYY-MM>`: one reminder per employee per retirement month. */
export const retirementAlertKey = (employeeId: string, month: string) => `${RETIREMENT_ALERT_KIND}:${employeeId}:${month}`;

/** The youngest statutory age (50, women workers before the reform) and the oldest (63, men after it). */
const YOUNGEST = 50 * 12;
const OLDEST = 63 * 12;

/**
 * Reminds HR of every employee (not yet left) whose statutory retirement day falls within the
 * month from `asOf`. An employee past the day is not reminded again: they were, a month ahead.
 * @example await sendRetirementReminders(deps, { asOf: '2026-06-15', actor }) // → { filled: 0, reminded: 1, cards: 1 }
 */
export async function sendRetirementReminders(deps: ServiceDeps, o: { asOf: string; actor: Actor }): Promise<{ filled: number; reminded: number; cards: number }> {
  const filled = await fillIdentityFacts(deps);
  const people = await deps.db.employee.findMany({
    where: {
      status: { not: 'EXITED' },
      birthDate: { gte: parseDay(addMonthsToDay(o.asOf, -OLDEST - 1)), lte: parseDay(addMonthsToDay(o.asOf, -YOUNGEST + 1)) },
      OR: [{ retirementCategory: { not: null } }, { sex: 'male' }],
    },
    select: { id: true, name: true, birthDate: true, sex: true, retirementCategory: true, department: { select: { name: true } } },
    orderBy: { id: 'asc' },
  });
  const result = { filled, reminded: 0, cards: 0 };
  for (const p of people) {
    const category = effectiveRetirementCategory(p.retirementCategory, p.sex);
    const birthDate = formatDay(p.birthDate);
    if (!category || !birthDate) continue;
    const reachedOn = statutoryRetirementDay(birthDate, category);
    if (o.asOf < addMonthsToDay(reachedOn, -1) || o.asOf > reachedOn) continue;
    const age = statutoryRetirement(birthDate.slice(0, 7), category);
    const keys = await deps.db.$transaction(async (tx) => {
      const created = await tx.alert.createMany({
        data: [{ kind: RETIREMENT_ALERT_KIND, stage: 'month_before', uniqueKey: retirementAlertKey(p.id, age.month), employeeId: p.id, dueOn: parseDay(reachedOn) }],
        skipDuplicates: true,
      });
      if (created.count === 0) return null;
      const facts = { name: p.name, department: p.department.name, category: retirementCategoryLabels[category], age: formatRetirementAge(age), reachedOn };
      const queued = await queueExitCard(deps, tx, {
        actor: o.actor, subjectType: 'employee', subjectId: p.id, employeeId: p.id, stage: `retire${age.month.replace('-', '')}`, audience: { kind: 'hr' },
        build: (key) => buildRetirementDueCard({ facts, key, h5Url: `${deps.publicBaseUrl}/app/exits` }),
      });
      if (queued[0]) await tx.alert.update({ where: { uniqueKey: retirementAlertKey(p.id, age.month) }, data: { cardKey: queued[0] } });
      return queued;
    });
    if (keys) {
      result.reminded++;
      result.cards += keys.length;
    }
  }
  return result;
}
