// A month before an employee reaches the statutory retirement age (渐进式延迟法定退休年龄), HR gets a
// card: time to check the contribution years and prepare the pension application, and the labour
// contract ends at that age (《劳动合同法实施条例》第二十一条). One Alert per employee and retirement
// month (its uniqueKey) makes the card go out once, whatever the reruns; the Alerts, the cards and
// their outbox messages commit together (queue-retirement-reminders.ts: a card each, or one digest
// for more than ten). Run daily by the exit-task-reminders job.
import type { Actor } from '../../domain/actor.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import { addMonthsToDay } from '../../domain/retirement/month-math.ts';
import { effectiveRetirementCategory } from '../../domain/retirement/retirement-category.ts';
import { birthDaysRetiringAround } from '../../domain/retirement/retiring-around.ts';
import { statutoryRetirement, statutoryRetirementDay, type RetirementCategory } from '../../domain/retirement/statutory-retirement.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { ServiceDeps } from '../deps.ts';
import { findSentAlertKeys } from '../alerts/find-sent-alert-keys.ts';
import { findExitRecipients } from '../exits/exit-recipients.ts';
import { fillIdentityFacts } from './fill-identity-facts.ts';
import { queueRetirementReminders, RETIREMENT_ALERT_KIND, RETIREMENT_AUDIENCE, type OwedRetirement } from './queue-retirement-reminders.ts';

/** `retirement:<employee>:<YYYY-MM>`: one reminder per employee per retirement month. */
export const retirementAlertKey = (employeeId: string, month: string) => `${RETIREMENT_ALERT_KIND}:${employeeId}:${month}`;

/**
 * Reminds HR of every employee (not yet left) whose statutory retirement day falls within the
 * month from `asOf`. An employee past the day is not reminded again: they were, a month ahead.
 * Reads only the birth days that can retire around `asOf` (retiring-around.ts), and skips the
 * reminders sent already with one query, so a rerun opens no transaction.
 * @example await sendRetirementReminders(deps, { asOf: '2026-06-15', actor }) // → { filled: 0, reminded: 1, cards: 1 }
 */
export async function sendRetirementReminders(deps: ServiceDeps, o: { asOf: string; actor: Actor }): Promise<{ filled: number; reminded: number; cards: number }> {
  const filled = await fillIdentityFacts(deps);
  const inCategory = (category: RetirementCategory): Prisma.EmployeeWhereInput =>
    category === 'male' ? { OR: [{ retirementCategory: 'male' }, { retirementCategory: null, sex: 'male' }] } : { retirementCategory: category };
  const people = await deps.db.employee.findMany({
    where: {
      status: { not: 'EXITED' },
      OR: birthDaysRetiringAround(o.asOf).map((r) => ({ AND: [inCategory(r.category), { birthDate: { gte: parseDay(r.from), lte: parseDay(r.to) } }] })),
    },
    select: { id: true, name: true, birthDate: true, sex: true, retirementCategory: true, department: { select: { name: true } } },
    orderBy: { id: 'asc' },
  });
  const due = people.flatMap((p): OwedRetirement[] => {
    const category = effectiveRetirementCategory(p.retirementCategory, p.sex);
    const birthDate = formatDay(p.birthDate);
    if (!category || !birthDate) return [];
    const reachedOn = statutoryRetirementDay(birthDate, category);
    if (o.asOf < addMonthsToDay(reachedOn, -1) || o.asOf > reachedOn) return [];
    const age = statutoryRetirement(birthDate.slice(0, 7), category);
    return [{ employee: { id: p.id, name: p.name, department: p.department.name }, category, reachedOn, age, key: retirementAlertKey(p.id, age.month) }];
  });
  const sent = await findSentAlertKeys(deps.db, due.map((d) => d.key));
  const owed = due.filter((d) => !sent.has(d.key));
  if (owed.length === 0) return { filled, reminded: 0, cards: 0 };
  const hr = await findExitRecipients(deps.db, deps.chatPlatforms, RETIREMENT_AUDIENCE, { now: deps.now(), businessTz: deps.businessTz });
  const queued = await deps.db.$transaction((tx) => queueRetirementReminders(deps, tx, o.actor, { owed, hr, asOf: o.asOf }));
  return { filled, ...queued };
}
