// Contributions: the monthly import, the employee's own statement (《社会保险法》第六十条),
// HR's view of anyone's, and the enrolment-timeliness KPI.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { getContributionStatement } from '../../services/contributions/get-contribution-statement.ts';
import { getEnrolmentTimeliness } from '../../services/contributions/get-enrolment-timeliness.ts';
import { importContributions } from '../../services/contributions/import-contributions.ts';
import { recordStatementRead } from '../../services/statements/record-statement-read.ts';
import { summarizeStatementNotices } from '../../services/statements/summarize-statement-notices.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { defineRoute, idParams } from '../api-route.ts';
import { receiveUpload, uploadedFile } from './import-routes.ts';

const monthsQuery = z.object({ months: z.coerce.number().int().min(1).max(120).default(12) }).strict();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应写成 2026-01 这样的年月');
const kpiQuery = z.object({ from: month, to: month }).strict();
const employeeParams = idParams('员工');
const readBody = z.object({ month }).strict();

export function contributionRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post', path: '/contributions/import', action: 'contribution.import', tag: 'contributions', contentType: 'multipart/form-data',
      summary: 'Import the monthly contribution export (.xlsx or UTF-8 .csv in field `file`, ≤ 10 MB). All or nothing: 422 lists every problem as {row, column, message}',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      middleware: [receiveUpload('contribution.import')],
      handler: ({ actor, ctx }) => {
        const file = uploadedFile(ctx);
        return importContributions(deps, { actor, fileName: file.originalname, buffer: file.buffer });
      },
    }),
    defineRoute({
      method: 'get', path: '/h5/statement', tag: 'h5', query: monthsQuery, roles: 'any signed-in employee (own record only)',
      summary: 'The signed-in employee\'s contributions by month and insurance type, employer and employee shares (fen and ¥ text)',
      handler: ({ actor, query }) => {
        if (actor.kind !== 'employee') throw new AppError('forbidden', '缴费明细只对员工本人开放，请以员工身份登录');
        return getContributionStatement(deps, { actor, employeeId: actor.id, months: query.months });
      },
    }),
    defineRoute({
      method: 'post', path: '/h5/statement/read', tag: 'h5', body: readBody, roles: 'any signed-in employee (own statement only)',
      summary: 'The signed-in employee opened the statement of `month`: the first opening of a pushed statement is recorded and ledgered (《社会保险法》第六十条)',
      handler: ({ actor, body }) => recordStatementRead(deps, { actor, month: body.month }),
    }),
    defineRoute({
      method: 'get', path: '/statement-notices', action: 'kpi.read', tag: 'contributions', query: kpiQuery,
      summary: 'Per contribution month (from/to YYYY-MM inclusive): employees with contributions, statements sent, delivered and read (《社会保险法》第六十条)',
      roles: 'HR_SPECIALIST, HR_MANAGER, FINANCE, ADMIN',
      handler: ({ actor, query }) => summarizeStatementNotices(deps, { actor, from: query.from, to: query.to }),
    }),
    defineRoute({
      method: 'get', path: '/employees/:id/contributions', tag: 'contributions', params: employeeParams, query: monthsQuery,
      summary: 'One employee\'s contributions over the last `months` months (default 12)',
      roles: 'HR_SPECIALIST, HR_MANAGER, FINANCE, ADMIN: all; others: self',
      handler: ({ actor, params, query }) => getContributionStatement(deps, { actor, employeeId: params.id, months: query.months }),
    }),
    defineRoute({
      method: 'get', path: '/kpi/enrolment-timeliness', action: 'kpi.read', tag: 'kpi', query: kpiQuery,
      summary: 'Per hire month and department: hires, enrolled within 30 calendar days, share (from/to YYYY-MM inclusive, ≤ 36 months)',
      roles: 'HR_SPECIALIST, HR_MANAGER, FINANCE, ADMIN',
      handler: ({ actor, query }) => getEnrolmentTimeliness(deps, { actor, from: query.from, to: query.to }),
    }),
  ];
}
