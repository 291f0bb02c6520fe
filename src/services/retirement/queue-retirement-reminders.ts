// The retirement reminders a run owes, written in the caller's transaction: an Alert per employee
// and retirement month (unique, so a rerun or a racing instance inserts none), an audit event
// under each employee, and the cards of the Alerts this transaction created — a card per employee
// up to DIGEST_OVER, more as one digest per platform (cards/retirement-digest-card.ts), as the
// other reminder jobs do (src/services/cards/reminder-digest.ts).
import { buildRetirementDigestCard } from '../../../cards/retirement-digest-card.ts';
import { buildRetirementDueCard } from '../../../cards/retirement-due-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatRetirementAge, retirementCategoryLabels, type RetirementCategory, type StatutoryRetirement } from '../../domain/retirement/statutory-retirement.ts';
import { insertAlerts } from '../alerts/insert-alerts.ts';
import { writeAuditEvents } from '../audit/write-audit-event.ts';
import { queueCards } from '../cards/queue-cards.ts';
import { byDayThenName, DIGEST_OVER, digestKey } from '../cards/reminder-digest.ts';
import type { ServiceDeps } from '../deps.ts';
import { exitCardRows, type ExitCardRow } from '../exits/exit-card-rows.ts';
import type { ExitRecipients } from '../exits/exit-recipients.ts';
import { writeExitCards } from '../exits/queue-exit-cards.ts';

export const RETIREMENT_ALERT_KIND = 'retirement';

/** The cards' audience: the HR specialists. */
export const RETIREMENT_AUDIENCE = { kind: 'hr' } as const;

/** One reminder a run owes: the employee, the day they reach the age, and the Alert key that makes it once. */
export interface OwedRetirement {
  employee: { id: string; name: string; department: string };
  category: RetirementCategory;
  age: StatutoryRetirement;
  /** 'YYYY-MM-DD' */
  reachedOn: string;
  key: string;
}

/** @example await deps.db.$transaction((tx) => queueRetirementReminders(deps, tx, actor, { owed, hr, asOf })) // → { reminded: 12, cards: 1 } */
export async function queueRetirementReminders(
  deps: ServiceDeps, tx: Tx, actor: Actor, o: { owed: readonly OwedRetirement[]; hr: ExitRecipients; asOf: string },
): Promise<{ reminded: number; cards: number }> {
  // One insert order, so racing instances wait on each other's keys rather than deadlock.
  const owed = [...o.owed].sort((a, b) => (a.key < b.key ? -1 : 1));
  const platforms = [...o.hr].filter(([, to]) => to.length > 0);
  const digest = owed.length > DIGEST_OVER;
  const keyOn = (platform: string) => digestKey('rd', owed.map((x) => x.key), platform);
  const rowsOf = new Map<string, ExitCardRow[]>(digest ? [] : owed.map((x) => [x.key, employeeCardRows(deps, x, o.hr)]));
  const cardKeyOf = (x: OwedRetirement) => (digest ? (platforms[0] ? keyOn(platforms[0][0]) : null) : rowsOf.get(x.key)?.[0]?.card.key ?? null);
  const created = await insertAlerts(tx, owed.map((x) => ({ kind: RETIREMENT_ALERT_KIND, stage: 'month_before', uniqueKey: x.key, employeeId: x.employee.id, dueOn: x.reachedOn, cardKey: cardKeyOf(x) })));
  const fresh = owed.filter((x) => created.has(x.key));
  if (fresh.length === 0) return { reminded: 0, cards: 0 };
  await writeAuditEvents(tx, actor, fresh.map((x) => ({
    event: { type: 'retirement.reminded' as const, data: { month: x.age.month, reachedOn: x.reachedOn, cardKey: cardKeyOf(x) } },
    subject: { type: 'employee' as const, id: x.employee.id },
  })));
  if (!digest) return { reminded: fresh.length, cards: (await writeExitCards(deps, tx, actor, fresh.flatMap((x) => rowsOf.get(x.key) ?? []))).size };
  const people = byDayThenName(fresh.map((x) => ({ day: x.reachedOn, name: x.employee.name }))).map((x) => ({ name: x.name, reachedOn: x.day }));
  const queued = await queueCards(deps, tx, actor, platforms.map(([platform, to]) => ({
    card: buildRetirementDigestCard({ key: keyOn(platform), asOf: o.asOf, people, h5Url: `${deps.publicBaseUrl}/app/exits` }),
    platform, to, subject: { type: 'retirement_digest', id: o.asOf }, group: o.hr.group,
  })));
  return { reminded: fresh.length, cards: queued.size };
}

/** The employee's own card on each platform (a run with DIGEST_OVER or fewer reminders). */
function employeeCardRows(deps: ServiceDeps, x: OwedRetirement, hr: ExitRecipients): ExitCardRow[] {
  const facts = { name: x.employee.name, department: x.employee.department, category: retirementCategoryLabels[x.category], age: formatRetirementAge(x.age), reachedOn: x.reachedOn };
  return exitCardRows({
    subjectType: 'employee', subjectId: x.employee.id, employeeId: x.employee.id, stage: `retire${x.age.month.replace('-', '')}`, audience: RETIREMENT_AUDIENCE,
    build: (key) => buildRetirementDueCard({ facts, key, h5Url: `${deps.publicBaseUrl}/app/exits` }),
  }, hr);
}
