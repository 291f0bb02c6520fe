// 社保合规月报 (job monthly-report): on the 1st, each HR manager gets one card with the previous
// month's key figures and their change, taken from the dashboard's own answer (getDashboard), so
// the card and the dashboard cannot disagree. Once per month and manager: the card key is derived
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
import type { ServiceDeps } from '../deps.ts';
import { getMonthlyReport } from './get-monthly-report.ts';

/** `mr-<YYYYMM>-<manager uuid without dashes>`: one per month and manager, whatever the platform. */
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
  const managers = await findManagers(deps);
  const result: SendMonthlyReportsResult = { month, managers: managers.length, sent: 0 };
  if (managers.length === 0) return result;
  const { report, previousScore } = await getMonthlyReport(deps, { actor: o.actor, month, today: o.asOf });
  for (const m of managers) {
    const showAmount = scopeOf({ kind: 'employee', id: m.employeeId, name: m.name, roles: m.roles }, 'kpi.readAmounts') !== undefined;
    const card = buildMonthlyReportCard({ key: monthlyReportCardKey(month, m.employeeId), report, previousScore, showAmount, h5Url: dashboardUrl(deps.publicBaseUrl, month) });
    const recipients = [{ userId: m.userId, employeeId: m.employeeId }];
    const sent = await deps.db.$transaction(async (tx) => {
      const { count } = await tx.cardInstance.createMany({
        data: [{ cardKey: card.key, platform: m.platform, type: card.type, subjectType: 'kpi_month', subjectId: month, recipients: toJsonColumn(recipients), model: toJsonColumn(card) }],
        skipDuplicates: true,
      });
      if (count === 0) return false;
      await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform: m.platform, recipients: [m.userId], payload: { kind: 'card', card } });
      await writeAuditEvent(tx, o.actor, { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform: m.platform, recipients: [m.userId] } }, { type: 'employee', id: m.employeeId });
      return true;
    });
    if (sent) result.sent++;
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

/** Active HR managers reachable in chat, each on one platform (the first configured one they use). */
async function findManagers(deps: Pick<ServiceDeps, 'db' | 'chatPlatforms'>): Promise<Manager[]> {
  const employees = await deps.db.employee.findMany({
    where: { status: { not: 'EXITED' }, roles: { some: { role: 'HR_MANAGER' } }, identities: { some: { platform: { in: [...deps.chatPlatforms] } } } },
    select: { id: true, name: true, roles: { select: { role: true } }, identities: { select: { platform: true, userId: true } } },
    orderBy: { employeeNo: 'asc' },
  });
  return employees.flatMap((e) => {
    const platform = deps.chatPlatforms.find((p) => e.identities.some((i) => i.platform === p));
    const identity = e.identities.find((i) => i.platform === platform);
    return platform && identity ? [{ employeeId: e.id, name: e.name, roles: e.roles.map((r) => r.role), platform, userId: identity.userId }] : [];
  });
}
