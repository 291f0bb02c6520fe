// 社保合规月报 (job monthly-report): on the 1st, each person HR chose for 月报 in the notification
// settings (default: the HR managers) gets one card with the previous
// month's key figures and their change, taken from the dashboard's own answer (getDashboard), so
// the card and the dashboard cannot disagree. Amounts only for roles allowed to see them
// (kpi.readAmounts); the group chat's copy never shows them. Once per month and person: the card key is derived
// from the month and the manager, and its CardInstance row (unique key), the outbox message
// (dedupe key `card:<key>`) and the audit event commit together, so a rerun or a second instance
// inserts nothing and sends nothing.
import { buildMonthlyReportCard } from '../../../cards/monthly-report-card.ts';
import type { Actor } from '../../domain/actor.ts';
import { shiftKpiMonth } from '../../domain/kpi/kpi-month.ts';
import { scopeOf } from '../../domain/permissions.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { toJsonColumn } from '../cards/card-instance-json.ts';
import { findHrRecipients, type HrRecipients } from '../cards/find-hr-recipients.ts';
import { queueGroupCopy } from '../cards/queue-group-copy.ts';
import type { ServiceDeps } from '../deps.ts';
import { getMonthlyReport } from './get-monthly-report.ts';

/** `mr-<YYYYMM>-<employee uuid without dashes>`: one per month and person, whatever the platform; `mr-<YYYYMM>-group` for the group chat. */
export const monthlyReportCardKey = (month: string, employeeId: string) => `mr-${month.replace('-', '')}-${employeeId.replaceAll('-', '')}`;

/** The H5 dashboard of a month. */
export const dashboardUrl = (base: string, month: string) => `${base}/app/dashboard?month=${month}`;

export interface SendMonthlyReportsResult {
  month: string;
  managers: number;
  sent: number;
}

/**
 * The month reported is the one before `asOf`'s month; its snapshot figures are at its last day.
 * @example await sendMonthlyReports(deps, { asOf: '2027-01-01', actor: systemActor('job:monthly-report') }) // → { month: '2026-12', managers: 2, sent: 2 }
 */
export async function sendMonthlyReports(deps: ServiceDeps, o: { asOf: string; actor: Actor }): Promise<SendMonthlyReportsResult> {
  const month = shiftKpiMonth(o.asOf.slice(0, 7), -1);
  const hr = await findHrRecipients(deps.db, deps.chatPlatforms, { kind: 'monthlyReport', now: deps.now(), businessTz: deps.businessTz });
  const people = await findReportRecipients(deps, hr);
  const result: SendMonthlyReportsResult = { month, managers: people.length, sent: 0 };
  if (people.length === 0) return result;
  const { report, previousScore } = await getMonthlyReport(deps, { actor: o.actor, month, today: o.asOf });
  const h5Url = dashboardUrl(deps.publicBaseUrl, month);
  const availableAt = hr.availableAt({ legalDeadlineToday: false });
  for (const m of people) {
    const showAmount = scopeOf({ kind: 'employee', id: m.employeeId, name: m.name, roles: m.roles }, 'kpi.readAmounts') !== undefined;
    const card = buildMonthlyReportCard({ key: monthlyReportCardKey(month, m.employeeId), report, previousScore, showAmount, h5Url });
    const recipients = [{ userId: m.userId, employeeId: m.employeeId }];
    const sent = await deps.db.$transaction(async (tx) => {
      const { count } = await tx.cardInstance.createMany({
        data: [{ cardKey: card.key, platform: m.platform, type: card.type, subjectType: 'kpi_month', subjectId: month, recipients: toJsonColumn(recipients), model: toJsonColumn(card) }],
        skipDuplicates: true,
      });
      if (count === 0) return false;
      await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform: m.platform, recipients: [m.userId], payload: { kind: 'card', card }, availableAt });
      await writeAuditEvent(tx, o.actor, { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform: m.platform, recipients: [m.userId] } }, { type: 'employee', id: m.employeeId });
      return true;
    });
    if (sent) result.sent++;
  }
  // The group's copy: nobody's role is known there, so no amounts. Its outbox key makes it once a month.
  if (hr.group) {
    const card = buildMonthlyReportCard({ key: monthlyReportCardKey(month, 'group'), report, previousScore, showAmount: false, h5Url });
    await deps.db.$transaction((tx) => queueGroupCopy(deps, tx, { recipients: hr, platform: hr.group!.platform, card, availableAt }));
  }
  return result;
}

interface Manager {
  employeeId: string;
  name: string;
  roles: Actor['roles'];
  platform: Platform;
  userId: string;
}

/** The people chosen for 月报, each once, on the first configured platform they use; with their roles (amounts). */
async function findReportRecipients(deps: Pick<ServiceDeps, 'db' | 'chatPlatforms'>, hr: HrRecipients): Promise<Manager[]> {
  const chosen = new Map<string, { platform: Platform; userId: string }>();
  for (const platform of deps.chatPlatforms) {
    for (const r of hr.answering(platform)) if (!chosen.has(r.employeeId)) chosen.set(r.employeeId, { platform, userId: r.userId });
  }
  const employees = await deps.db.employee.findMany({
    where: { id: { in: [...chosen.keys()] } },
    select: { id: true, name: true, roles: { select: { role: true } } },
    orderBy: { employeeNo: 'asc' },
  });
  return employees.map((e) => ({ employeeId: e.id, name: e.name, roles: e.roles.map((r) => r.role), ...(chosen.get(e.id) as { platform: Platform; userId: string }) }));
}
