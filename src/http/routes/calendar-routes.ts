import { z } from 'zod';
import { answerAbsenceCase } from '../../services/absence/answer-absence-case.ts';
import { getAbsenceCase } from '../../services/absence/get-absence-case.ts';
import { listAbsenceCases } from '../../services/absence/list-absence-cases.ts';
import { CALENDAR_KIND_NAMES } from '../../services/calendar/calendar-day-kind.ts';
import { deleteCalendarOverride } from '../../services/calendar/delete-calendar-override.ts';
import { importHolidayNotice } from '../../services/calendar/import-holiday-notice.ts';
import { listCalendarOverrides } from '../../services/calendar/list-calendar-overrides.ts';
import { setCalendarOverride } from '../../services/calendar/set-calendar-override.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { day } from '../../services/employees/employee-input.ts';
import { leaveKinds, recordLeave } from '../../services/leave/record-leave.ts';
import { defineRoute, idParams } from '../api-route.ts';

const dayParams = z.object({ day });
const reason = z.string().trim().min(2, '请填写原因（至少 2 个字）').max(200, '原因最多 200 个字');
const kind = z.enum(CALENDAR_KIND_NAMES, { message: '安排类型应为「公司安排」（只影响考勤）或「国家法定安排」（影响法定期限）' });
const overrideBody = z.object({
  isWorkday: z.boolean({ message: '请说明这一天上班还是休息' }),
  reason,
  kind: kind.default('company'),
  source: z.string().trim().max(200, '来源最多 200 个字').optional(),
}).strict();
const noticeBody = z.object({
  text: z.string().min(20, '请粘贴国务院办公厅放假安排通知的全文').max(20_000, '通知全文最多 20000 个字'),
  year: z.number().int().min(2000).max(2100).optional(),
  dryRun: z.boolean().default(true),
}).strict();
const yearQuery = z.object({ year: z.coerce.number().int().min(2000, '年份应在 2000–2100 之间').max(2100, '年份应在 2000–2100 之间') });

const leaveBody = z
  .object({
    employeeId: z.uuid({ message: '员工编号格式不正确，请从列表重新打开' }),
    fromDay: day,
    toDay: day,
    kind: z.enum(leaveKinds, { message: `假别应为：${leaveKinds.join('、')}` }),
    note: z.string().trim().max(200).optional(),
  })
  .strict();

const caseParams = idParams('缺勤记录');
const decisionBody = z.object({ decision: z.enum(['contacted', 'unreachable'], { message: '处理结果只能是「已联系上」或「无法联系」' }), note: z.string().trim().max(500).optional() }).strict();

/** The workday calendar (company overrides), approved leave, and absence cases. */
export function calendarRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get', path: '/calendar/overrides', action: 'calendar.manage', tag: 'calendar', query: yearQuery,
      summary: 'The calendar of a year: whether its State Council notice is known (complete), its fixed statutory holidays, and the statutory and company overrides',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, query }) => listCalendarOverrides(deps, { actor, year: query.year }),
    }),
    defineRoute({
      method: 'put', path: '/calendar/overrides/:day', action: 'calendar.manage', tag: 'calendar', params: dayParams, body: overrideBody,
      summary: 'Make one day a workday or a rest day, with a reason: kind company (site closure, extra working day: attendance only, the default) or statutory (a correction of the State Council calendar: moves legal deadlines)',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, params, body }) => setCalendarOverride(deps, { actor, day: params.day, ...body }),
    }),
    defineRoute({
      method: 'delete', path: '/calendar/overrides/:day', action: 'calendar.manage', tag: 'calendar', params: dayParams, query: z.object({ reason, kind: kind.default('company') }),
      summary: 'Remove an override: the day follows the statutory calendar again (reason and kind in the query)',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, params, query }) => deleteCalendarOverride(deps, { actor, day: params.day, reason: query.reason, kind: query.kind }),
    }),
    defineRoute({
      method: 'post', path: '/calendar/notices', action: 'calendar.manage', tag: 'calendar', body: noticeBody,
      summary: 'Read the State Council holiday notice (全文) into statutory days: dryRun (default) shows the holidays, working weekends and the open deadlines that move; dryRun false applies it in one transaction',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, body }) => importHolidayNotice(deps, { actor, text: body.text, year: body.year, dryRun: body.dryRun }),
    }),
    defineRoute({
      method: 'post', path: '/leaves', action: 'leave.record', tag: 'calendar', body: leaveBody, status: 201,
      summary: 'Record approved leave of an employee; its days are not counted as absences',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, body }) => recordLeave(deps, { actor, ...body }),
    }),
    defineRoute({
      method: 'get', path: '/absence-cases', tag: 'calendar', query: z.object({ state: z.enum(['OPEN', 'CONTACTED', 'UNREACHABLE', 'CLOSED']).optional() }),
      summary: 'Absence cases (consecutive workdays without a clock-in): HR all, managers their team',
      roles: 'MANAGER: team; HR_SPECIALIST, HR_MANAGER, ADMIN: all',
      handler: ({ actor, query }) => listAbsenceCases(deps, { actor, state: query.state }),
    }),
    defineRoute({
      method: 'get', path: '/absence-cases/:id', tag: 'calendar', params: caseParams,
      summary: 'One absence case: the employee, the absent days, the answer; what the absence card\'s 详情 opens',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN: all; the line manager and the case card\'s recipients: theirs',
      handler: ({ actor, params }) => getAbsenceCase(deps, { actor, id: params.id }),
    }),
    defineRoute({
      method: 'post', path: '/absence-cases/:id/decision', tag: 'calendar', params: caseParams, body: decisionBody,
      summary: 'The line manager\'s answer: contacted (closes, optional note) or unreachable (HR sends the return-to-work notice)',
      roles: 'the employee\'s line manager, a recipient of the case card, HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, params, body }) => answerAbsenceCase(deps, { actor, caseId: params.id, ...body }),
    }),
  ];
}
