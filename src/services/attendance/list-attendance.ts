// Clock-in records between two days: one's own (我的打卡), a manager's team, or anyone's for HR.
import type { Actor } from '../../domain/actor.ts';
import { addDays, dayIn, parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { AttendanceList } from '../../domain/views/attendance.ts';
import type { ServiceDeps } from '../deps.ts';
import { findTeamIds } from '../employees/find-team-ids.ts';
import { toAttendanceView } from './attendance-view.ts';

export interface ListAttendanceOptions {
  actor: Actor;
  /** Defaults to the caller. */
  employeeId?: string;
  /** 'YYYY-MM-DD', inclusive; default: 30 days before `to`. */
  from?: string;
  /** 'YYYY-MM-DD', inclusive; default: today. */
  to?: string;
}

const MAX_SPAN_DAYS = 92;

/**
 * @example
 *   await listAttendance(deps, { actor, from: '2026-10-01', to: '2026-10-31' }) // → { from, to, records: [...] } newest first
 */
export async function listAttendance(deps: ServiceDeps, opts: ListAttendanceOptions): Promise<AttendanceList> {
  const scope = authorize(opts.actor, 'attendance.read');
  const employeeId = opts.employeeId ?? (opts.actor.kind === 'employee' ? opts.actor.id : undefined);
  if (!employeeId) throw new AppError('bad_request', '请先选择一名员工');
  if (employeeId !== opts.actor.id && scope !== 'all') {
    const team = scope === 'team' && opts.actor.kind === 'employee' ? await findTeamIds(deps.db, opts.actor.id) : [];
    if (!team.includes(employeeId)) throw new AppError('forbidden', '只能查看本人（经理：本团队）的打卡记录');
  }
  const to = opts.to ?? dayIn(deps.businessTz, deps.now());
  const from = opts.from ?? addDays(to, -30);
  if (from > to) throw new AppError('validation_failed', '开始日期不能晚于结束日期');
  if (parseDay(to).getTime() - parseDay(from).getTime() > MAX_SPAN_DAYS * 86_400_000) throw new AppError('validation_failed', `一次最多查询 ${MAX_SPAN_DAYS} 天`);
  const rows = await deps.db.attendanceRecord.findMany({
    where: { employeeId, day: { gte: parseDay(from), lte: parseDay(to) } },
    orderBy: { at: 'desc' },
    take: 1000,
  });
  const siteIds = [...new Set(rows.map((r) => r.siteId).filter((s): s is string => s !== null))];
  const sites = siteIds.length > 0 ? await deps.db.workSite.findMany({ where: { id: { in: siteIds } }, select: { id: true, name: true } }) : [];
  return { from, to, records: rows.map((r) => toAttendanceView(deps.businessTz, r, sites)) };
}
