// Incentive points (docs/points.md): one's history, HR's department ranking and the export for the
// performance system, and the point rules HR managers keep as company settings.
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { dayIn } from '../../domain/dates.ts';
import { pointRulesSchema } from '../../domain/points/point-rules.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { exportPoints } from '../../services/points/export-points.ts';
import { getPointRules } from '../../services/points/get-point-rules.ts';
import { listPoints } from '../../services/points/list-points.ts';
import { rankPoints } from '../../services/points/rank-points.ts';
import { setPointRules } from '../../services/points/set-point-rules.ts';
import { defineRoute } from '../api-route.ts';

const HR = 'HR_SPECIALIST, HR_MANAGER, ADMIN';
const yearQuery = z.object({ year: z.coerce.number({ message: '年份应写成 2026 这样的四位数字' }).int('年份应写成 2026 这样的四位数字').min(2000, '年份应在 2000 年以后').max(2100, '年份不正确').optional() }).strict();
const mineQuery = z.object({ employeeId: z.uuid('员工编号格式不正确，请从名单中重新打开').optional() }).strict();

export function pointsRoutes(deps: ServiceDeps) {
  const yearOf = (year: number | undefined) => year ?? Number(dayIn(deps.businessTz, deps.now()).slice(0, 4));
  return [
    defineRoute({
      method: 'get', path: '/points/mine', tag: 'points', query: mineQuery, roles: 'every signed-in employee (self); HR_SPECIALIST, HR_MANAGER, ADMIN: anyone by employeeId', action: 'points.read',
      summary: 'A points history, newest first, each award with its reason and day (Asia/Shanghai), and the total',
      handler: ({ actor, query }) => listPoints(deps, { actor, employeeId: query.employeeId }),
    }),
    defineRoute({
      method: 'get', path: '/points/ranking', tag: 'points', query: yearQuery, roles: HR, action: 'points.report',
      summary: 'The department ranking of a calendar year (left out: this year): per department the sum of its employees\' points and the average per employee (employees not exited), and the top 10 employees',
      handler: ({ actor, query }) => rankPoints(deps, { actor, year: yearOf(query.year) }),
    }),
    defineRoute({
      method: 'get', path: '/points/export.xlsx', tag: 'points', query: yearQuery, roles: HR, action: 'points.report',
      summary: 'The points of a calendar year for the performance system as Excel: 工号, 姓名, 部门, 积分 (a number), 明细 (each award with its day and reason)',
      handler: async ({ actor, query, ctx }) => {
        const year = yearOf(query.year);
        const workbook = await exportPoints(deps, { actor, year });
        const stream = new PassThrough();
        // Written as the client reads it; an error after the headers can only end the stream.
        workbook.xlsx.write(stream).then(() => stream.end(), (err: Error) => stream.destroy(err));
        ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`积分-${year}.xlsx`)}`);
        ctx.set('Cache-Control', 'private, no-store');
        return stream;
      },
    }),
    defineRoute({
      method: 'get', path: '/settings/point-rules', tag: 'settings', roles: HR, action: 'points.report',
      summary: 'The incentive point rules (defaults: on-time proof +2, transfer cooperation +3, false proof −5, quiz pass +2 at 80 of 100)',
      handler: ({ actor }) => getPointRules(deps, { actor }),
    }),
    defineRoute({
      method: 'put', path: '/settings/point-rules', tag: 'settings', body: pointRulesSchema.partial(), roles: 'HR_MANAGER, ADMIN', action: 'points.configure',
      summary: 'Change the incentive point rules (fields left out keep their value; awards already made keep theirs); audit event points.rules_changed',
      handler: ({ actor, body }) => setPointRules(deps, { actor, input: body }),
    }),
  ];
}
