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
import { birthDaysRetiringAround } from '../../domain/retirement/retiring-around.ts';
import { formatRetirementAge, retirementCategoryLabels, statutoryRetirement, statutoryRetirementDay, type RetirementCategory } from '../../domain/retirement/statutory-retirement.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { ServiceDeps } from '../deps.ts';
import { insertAlerts } from '../alerts/insert-alerts.ts';
import { inChunks } from '../cards/reminder-digest.ts';
import { exitCardRows } from '../exits/exit-card-rows.ts';
import { findExitRecipients } from '../exits/exit-recipients.ts';
import { writeExitCards } from '../exits/queue-exit-cards.ts';
import { fillIdentityFacts } from './fill-identity-facts.ts';

export const RETIREMENT_ALERT_KIND = 'retirement';

/** The cards' audience: the HR specialists. */
const HR = { kind: 'hr' } as const;

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
  const due = people.flatMap((p) => {
    const category = effectiveRetirementCategory(p.retirementCategory, p.sex);
    const birthDate = formatDay(p.birthDate);
    if (!category || !birthDate) return [];
    const reachedOn = statutoryRetirementDay(birthDate, category);
    if (o.asOf < addMonthsToDay(reachedOn, -1) || o.asOf > reachedOn) return [];
    const age = statutoryRetirement(birthDate.slice(0, 7), category);
    return [{ p, category, reachedOn, age, key: retirementAlertKey(p.id, age.month) }];
  });
  // Reminders sent on an earlier day are skipped with one query, so a rerun opens no transaction;
  // the Alert's unique key inside the transaction stays the guard against a racing instance.
  const sent = new Set(due.length === 0 ? [] : (await deps.db.alert.findMany({ where: { uniqueKey: { in: due.map((d) => d.key) } }, select: { uniqueKey: true } })).map((a) => a.uniqueKey));
  const owed = due.filter((d) => !sent.has(d.key)).sort((a, b) => (a.key < b.key ? -1 : 1)); // one insert order: racing instances wait, not deadlock
  if (owed.length === 0) return { filled, reminded: 0, cards: 0 };
  const hr = await findExitRecipients(deps.db, deps.chatPlatforms, HR, { now: deps.now(), businessTz: deps.businessTz });
  const planned = owed.map((d) => {
    const facts = { name: d.p.name, department: d.p.department.name, category: retirementCategoryLabels[d.category], age: formatRetirementAge(d.age), reachedOn: d.reachedOn };
    const rows = exitCardRows({
      subjectType: 'employee', subjectId: d.p.id, employeeId: d.p.id, stage: `retire${d.age.month.replace('-', '')}`, audience: HR,
      build: (key) => buildRetirementDueCard({ facts, key, h5Url: `${deps.publicBaseUrl}/app/exits` }),
    }, hr);
    return { ...d, rows };
  });
  // The Alerts, then the cards of those this transaction created, in bounded statements.
  return deps.db.$transaction(async (tx) => {
    const created = new Set<string>();
    for (const part of inChunks(planned)) {
      const keys = await insertAlerts(tx, part.map((d) => ({
        kind: RETIREMENT_ALERT_KIND, stage: 'month_before', uniqueKey: d.key, employeeId: d.p.id, dueOn: d.reachedOn, cardKey: d.rows[0]?.card.key ?? null,
      })));
      keys.forEach((k) => created.add(k));
    }
    const mine = planned.filter((d) => created.has(d.key));
    let cards = 0;
    for (const part of inChunks(mine)) cards += (await writeExitCards(deps, tx, o.actor, part.flatMap((d) => d.rows))).size;
    return { filled, reminded: mine.length, cards };
  });
}
