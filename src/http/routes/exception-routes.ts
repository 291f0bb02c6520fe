import { z } from 'zod';
import { exceptionStatusLabels } from '../../domain/exceptions/exception-status.ts';
import { REASON_CATEGORIES, REASON_CATEGORY_MESSAGE } from '../../domain/exceptions/reason-categories.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { getInsuranceException } from '../../services/exceptions/get-insurance-exception.ts';
import { listComplianceTasks } from '../../services/exceptions/list-compliance-tasks.ts';
import { listExceptionCategories } from '../../services/exceptions/list-exception-categories.ts';
import { listInsuranceExceptions } from '../../services/exceptions/list-insurance-exceptions.ts';
import { recordOtherEmployerStop } from '../../services/exceptions/record-other-employer-stop.ts';
import { requestInsuranceException } from '../../services/exceptions/request-insurance-exception.ts';
import { submitInsuranceException } from '../../services/exceptions/submit-insurance-exception.ts';
import { withdrawInsuranceException } from '../../services/exceptions/withdraw-insurance-exception.ts';
import { defineRoute, idParams } from '../api-route.ts';

const exceptionParams = idParams('社保例外申请');
const statuses = Object.keys(exceptionStatusLabels) as [keyof typeof exceptionStatusLabels, ...(keyof typeof exceptionStatusLabels)[]];

const requestBody = z
  .object({
    reasonCategory: z.enum(REASON_CATEGORIES, { message: REASON_CATEGORY_MESSAGE }),
    note: z.string().trim().max(500, '补充说明最多 500 字').optional(),
  })
  .strict();

const stoppedMonthBody = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '停缴月份应写成 2027-02 这样的年月') }).strict();

const listQuery = z.object({ status: z.enum(statuses, { message: '状态值无效' }).optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }).strict();
const taskQuery = z.object({ state: z.enum(['OPEN', 'DONE']).optional(), kind: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }).strict();

export function exceptionRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post', path: '/exceptions', tag: 'exceptions', body: requestBody, status: 201,
      summary: 'An employee asks not to be insured here (法释〔2025〕12号 第十九条: a waiver is void; only the lawful categories of GET /exception-categories may be exempted)',
      roles: 'any signed-in employee, for themself',
      handler: ({ actor, body }) => requestInsuranceException(deps, { actor, ...body }),
    }),
    defineRoute({
      method: 'get', path: '/exception-categories', tag: 'exceptions',
      summary: 'The reasons an employee may give: legal note with its article, required documents, insurance still owed here, lawful or a void waiver',
      roles: 'any signed-in employee',
      handler: ({ actor }) => listExceptionCategories({ actor }),
    }),
    defineRoute({
      method: 'get', path: '/exceptions', tag: 'exceptions', query: listQuery,
      summary: 'Insurance exceptions, newest first',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN: all; anyone: own',
      handler: ({ actor, query }) => listInsuranceExceptions(deps, { actor, ...query }),
    }),
    defineRoute({
      method: 'get', path: '/exceptions/:id', tag: 'exceptions', params: exceptionParams,
      summary: 'One exception: required documents, money at risk (waivers), approval state, legal notes, tasks',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN: all; anyone: own',
      handler: ({ actor, params }) => getInsuranceException(deps, { actor, id: params.id }),
    }),
    defineRoute({
      method: 'post', path: '/exceptions/:id/submit', action: 'exception.submit', tag: 'exceptions', params: exceptionParams,
      summary: 'Submit a complete lawful exception to the HR manager (refused, naming the document, while one is missing)',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN (signed in as an employee)',
      handler: ({ actor, params }) => submitInsuranceException(deps, { actor, exceptionId: params.id }),
    }),
    defineRoute({
      method: 'post', path: '/exceptions/:id/withdraw', tag: 'exceptions', params: exceptionParams,
      summary: 'The employee withdraws their own request before HR decides; a submitted one withdraws its approval too (a waiver\'s enrolment task stays open)',
      roles: 'the requesting employee',
      handler: ({ actor, params }) => withdrawInsuranceException(deps, { actor, exceptionId: params.id }),
    }),
    defineRoute({
      method: 'post', path: '/exceptions/:id/other-employer-stopped-month', action: 'exception.submit', tag: 'exceptions', params: exceptionParams, body: stoppedMonthBody,
      summary: 'A lapsed dual-employment exception: the month the original employer stopped paying; enrolment and back-pay run from its first day (社会保险法 第五十八条)',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN (signed in as an employee)',
      handler: ({ actor, params, body }) => recordOtherEmployerStop(deps, { actor, exceptionId: params.id, month: body.month }),
    }),
    defineRoute({
      method: 'get', path: '/compliance-tasks', action: 'task.list', tag: 'exceptions', query: taskQuery,
      summary: 'Compliance tasks (enrolment remediation, work-injury enrolment), by due date',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, query }) => listComplianceTasks(deps, { actor, ...query }),
    }),
  ];
}
