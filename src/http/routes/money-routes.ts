// The money calculator and the city policy library over REST: back-pay of a range of months,
// one employee's exposure, and the policy files HR managers maintain (HR and finance read).
import { z } from 'zod';
import { dayIn } from '../../domain/dates.ts';
import { isValidMonth } from '../../domain/money/months.ts';
import { policyFileSchema } from '../../domain/policy/policy-file-schema.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { day } from '../../services/employees/employee-input.ts';
import { calculateBackPay, type BackPaySubject } from '../../services/money/calculate-back-pay.ts';
import { estimateExposure } from '../../services/money/estimate-exposure.ts';
import { importPolicyFile } from '../../services/policies/import-policy-file.ts';
import { listPolicies } from '../../services/policies/list-policies.ts';
import { defineRoute } from '../api-route.ts';

export const month = z.string().refine(isValidMonth, { message: '应为月份，写成 2025-05 这样' });
const employeeId = z.uuid({ message: '员工编号格式不正确，请从列表重新选择' });

export const backPayBody = z
  .object({
    employeeId: employeeId.optional(),
    city: z.string().trim().min(1).max(20).optional(),
    wageFen: z.number().int().positive().max(100_000_000).optional(),
    from: month,
    to: month,
    payOn: day,
  })
  .strict()
  .refine((b) => (b.employeeId !== undefined) !== (b.city !== undefined || b.wageFen !== undefined), { message: '请选择一名员工，或填写参保城市和月工资，二者选一', path: ['employeeId'] })
  .refine((b) => b.employeeId !== undefined || (b.city !== undefined && b.wageFen !== undefined), { message: '按工资测算时请同时填写参保城市和月工资（分）', path: ['wageFen'] });

/** The employee, or the ad-hoc city and wage, of a parsed back-pay body. */
export const backPaySubject = (body: z.output<typeof backPayBody>): BackPaySubject =>
  body.employeeId !== undefined ? { employeeId: body.employeeId } : { city: body.city as string, wageFen: body.wageFen as number };

const exposureQuery = z.object({ employeeId, asOf: day.optional() }).strict();
const policyQuery = z.object({ city: z.string().trim().min(1).max(20).optional() }).strict();

/** Back-pay and exposure (amounts in fen), and the policy library. */
export function moneyRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post', path: '/calc/back-pay', tag: 'money', body: backPayBody,
      summary: 'Contributions per month, type and side, due days, late days and late fees for a range of months paid on payOn: for an employee (wage and city from the roster) or an ad-hoc city and wageFen. Amounts in fen; warnings say when the policy data is unverified',
      roles: 'HR_SPECIALIST, HR_MANAGER, FINANCE, ADMIN: anyone (ad-hoc wage too); EMPLOYEE: self',
      handler: ({ actor, body }) => {
        return calculateBackPay(deps, { actor, subject: backPaySubject(body), from: body.from, to: body.to, payOn: body.payOn });
      },
    }),
    defineRoute({
      method: 'get', path: '/calc/exposure', tag: 'money', query: exposureQuery,
      summary: "An employee's exposure as of asOf (default today): unpaid overdue months, late fees, 社会保险法 第八十四条/第八十六条 fine ranges and 劳动合同法 第四十六条/第四十七条 compensation, each line with its basis and article",
      roles: 'HR_SPECIALIST, HR_MANAGER, FINANCE, ADMIN: anyone; EMPLOYEE: self',
      handler: ({ actor, query }) => estimateExposure(deps, { actor, employee: { employeeId: query.employeeId }, asOf: query.asOf ?? dayIn(deps.businessTz, deps.now()) }),
    }),
    defineRoute({
      method: 'get', path: '/policies', action: 'policy.read', tag: 'money', query: policyQuery,
      summary: 'The city policy library: periods with bases, rates (decimal strings), rounding, due day, late-fee method and whether verified',
      roles: 'HR_SPECIALIST, HR_MANAGER, FINANCE, ADMIN',
      handler: ({ actor, query }) => listPolicies(deps, { actor, city: query.city }),
    }),
    defineRoute({
      method: 'post', path: '/policies', action: 'policy.manage', tag: 'money', body: policyFileSchema,
      summary: 'Import a city policy file (the format of prisma/policies/*.json): upserts its periods, drops stored periods it overlaps, reports what changed, writes an audit event and sends HR 「社保政策已更新」',
      roles: 'HR_MANAGER, ADMIN',
      handler: ({ actor, body }) => importPolicyFile(deps, { actor, file: body }),
    }),
  ];
}
