// Cross-region pension transfers over REST (国办发〔2009〕66号): start a case, record each step's day,
// list and read cases with their due days. The card button and the H5 call the same services.
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.ts';
import { day } from '../../services/employees/employee-input.ts';
import { getTransfer } from '../../services/transfer/get-transfer.ts';
import { getTransferApplication } from '../../services/transfer/get-transfer-application.ts';
import { issueTransferApplication } from '../../services/transfer/issue-transfer-application.ts';
import { listTransfers } from '../../services/transfer/list-transfers.ts';
import { markTransferStepDone } from '../../services/transfer/mark-transfer-step-done.ts';
import { startTransfer } from '../../services/transfer/start-transfer.ts';
import { defineRoute, idParams } from '../api-route.ts';
import { sendFile } from './proof-routes.ts';

const HR = 'HR_SPECIALIST, HR_MANAGER, ADMIN';
const city = (label: string) => z.string().trim().min(1, `请填写${label}`).max(40, `${label}最多 40 字`);

const startBody = z.object({
  employeeId: z.uuid({ message: '员工编号格式不正确，请从员工列表重新选择' }),
  fromCity: city('转出城市'),
  toCity: city('转入城市'),
  direction: z.enum(['INTO', 'OUT_OF'], { message: '方向应为转入本单位参保地或转出本单位参保地' }),
  startedOn: day.describe('The day the application with the old 参保缴费凭证 was handed in (step 1 is done on it)'),
}).strict();
const listQuery = z.object({ state: z.enum(['OPEN', 'DONE'], { message: '状态应为办理中或已办结' }).optional(), employeeId: z.uuid({ message: '员工编号格式不正确' }).optional() }).strict();
const stepParams = idParams('转移接续案件').extend({ n: z.coerce.number({ message: '步骤应为 2、3 或 4' }).int('步骤应为 2、3 或 4').min(1, '步骤应为 2、3 或 4').max(4, '转移接续只有第1至第4步') });
const doneBody = z.object({ doneOn: day.describe('The day the step was done (not after today, not before the previous step)') }).strict();

export function transferRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post', path: '/transfers', action: 'transfer.manage', tag: 'transfers', body: startBody, status: 201, roles: HR,
      summary: 'Start a pension transfer case (国办发〔2009〕66号): step 1 done on startedOn, steps 2–4 each due 15 working days after the previous',
      handler: ({ actor, body }) => startTransfer(deps, { actor, ...body }),
    }),
    defineRoute({
      method: 'get', path: '/transfers', action: 'transfer.manage', tag: 'transfers', query: listQuery, roles: HR,
      summary: 'Pension transfer cases with their steps and due days on the legal calendar, open ones first',
      handler: ({ actor, query }) => listTransfers(deps, { actor, ...query }),
    }),
    defineRoute({
      method: 'get', path: '/transfers/:id', action: 'transfer.manage', tag: 'transfers', params: idParams('转移接续案件'), roles: HR,
      summary: 'One pension transfer case with its steps, due days and the calendar caveat',
      handler: ({ actor, params }) => getTransfer(deps, { actor, transferId: params.id }),
    }),
    defineRoute({
      method: 'post', path: '/transfers/:id/steps/:n/done', action: 'transfer.manage', tag: 'transfers', params: stepParams, body: doneBody, roles: HR,
      summary: 'Record step n (2–4) as done on doneOn: in order, not in the future, not before the previous step; the same call again changes nothing',
      handler: ({ actor, params, body }) => markTransferStepDone(deps, { actor, transferId: params.id, step: params.n, doneOn: body.doneOn }),
    }),
    defineRoute({
      method: 'post', path: '/transfers/:id/application', action: 'transfer.manage', tag: 'transfers', params: idParams('转移接续案件'), status: 201, roles: HR,
      summary: 'Render the prefilled 基本养老保险关系转移接续申请表 (PDF), store it and ledger it under the employee; once per case',
      handler: ({ actor, params }) => issueTransferApplication(deps, { actor, transferId: params.id }),
    }),
    defineRoute({
      method: 'get', path: '/transfers/:id/application', action: 'transfer.manage', tag: 'transfers', params: idParams('转移接续案件'), roles: HR,
      summary: 'The stored application form as PDF (carries the full ID number: the read is audited)',
      handler: async ({ actor, params, ctx }) => sendFile(ctx, await getTransferApplication(deps, { actor, transferId: params.id }), false),
    }),
  ];
}
