// The facts of the bot's 员工状况 card, one line per area: enrolment (社会保险法 第五十八条),
// insurance exceptions, attendance (open absence cases), the exit in progress and the points of
// the year (docs/points.md).
import type { EmployeeStatusFacts } from '../../../cards/employee-status-card.ts';
import { dayIn, formatDay } from '../../domain/dates.ts';
import { exceptionStatusLabels } from '../../domain/exceptions/exception-status.ts';
import { exitKindLabels, exitStateLabels, type ExitKind } from '../../domain/exits/exit-states.ts';
import { statusLabels } from '../../domain/lifecycle.ts';
import type { Employee } from '../../generated/prisma/client.ts';
import type { ServiceDeps } from '../deps.ts';
import { enrolmentDeadlineFor } from '../exceptions/enrolment-deadline-for.ts';
import { pointRuleLabels, type PointRule } from '../../domain/points/point-events.ts';
import { yearBounds } from '../points/points-year.ts';

const FINISHED_EXITS = ['CLOSED', 'WITHDRAWN', 'RETURNED'];
const LIVE_EXCEPTIONS = ['REMEDIATION', 'DRAFT', 'SUBMITTED', 'APPROVED'] as const;

export async function employeeStatusFacts(deps: ServiceDeps, e: Employee & { department: { name: string } }): Promise<EmployeeStatusFacts> {
  const today = dayIn(deps.businessTz, deps.now());
  const [exceptions, absences, exit] = await Promise.all([
    deps.db.insuranceException.groupBy({ by: ['status'], where: { employeeId: e.id, status: { in: [...LIVE_EXCEPTIONS] } }, _count: true }),
    deps.db.absenceCase.count({ where: { employeeId: e.id, state: 'OPEN' } }),
    deps.db.exitProcess.findFirst({ where: { employeeId: e.id, state: { notIn: FINISHED_EXITS } }, orderBy: { createdAt: 'desc' } }),
  ]);
  return {
    name: e.name, employeeNo: e.employeeNo, department: e.department.name, status: statusLabels[e.status],
    enrolment: await enrolmentLine(deps, e, today),
    exceptions: exceptions.length === 0 ? '无' : exceptions.map((x) => `${exceptionStatusLabels[x.status]} ${x._count} 项`).join('，'),
    attendance: absences === 0 ? '无待核实缺勤' : `连续缺勤待核实 ${absences} 起`,
    exit: exit ? `${exitKindLabels[exit.kind as ExitKind] ?? exit.kind}：${exitStateLabels[exit.state] ?? exit.state}` : '无',
    points: await pointsLine(deps, e.id, today),
  };
}

/** The total of the calendar year (Asia/Shanghai, as the ranking) and the latest award of that year. */
async function pointsLine(deps: ServiceDeps, employeeId: string, today: string): Promise<string> {
  const year = Number(today.slice(0, 4));
  const { from, to } = yearBounds(deps.businessTz, year);
  const where = { employeeId, awardedAt: { gte: from, lt: to } };
  const [sum, latest] = await Promise.all([
    deps.db.pointAward.aggregate({ where, _sum: { points: true } }),
    deps.db.pointAward.findFirst({ where, orderBy: [{ awardedAt: 'desc' }, { id: 'asc' }] }),
  ]);
  if (!latest) return `${year} 年暂无积分`;
  const signed = latest.points > 0 ? `+${latest.points}` : String(latest.points);
  const label = pointRuleLabels[latest.rule as PointRule] ?? '积分调整';
  return `${year} 年 ${sum._sum.points ?? 0} 分；最近 ${dayIn(deps.businessTz, latest.awardedAt)} ${label} ${signed}`;
}

async function enrolmentLine(deps: ServiceDeps, e: Employee, today: string): Promise<string> {
  if (e.enrolledOn) return `已于 ${formatDay(e.enrolledOn)} 增员`;
  if (e.status === 'EXITED') return '未增员（已离职）';
  const clockStart = formatDay(e.enrolmentClockFrom ?? e.startDate)!;
  const { legalDeadline } = await enrolmentDeadlineFor(deps.db, { clockStart, today });
  return legalDeadline < today ? `未增员，已超过法定期限 ${legalDeadline}` : `未增员，须于 ${legalDeadline} 前办理`;
}
