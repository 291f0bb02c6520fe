// The back-pay documents over REST: the same input as POST /calc/back-pay (an employee only: each
// document is ledgered under them) plus the kind; answers the PDF. HR roles only. And the same
// calculation as an Excel workbook, streamed.
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { backPayWorkbook } from '../../documents/back-pay/back-pay-workbook.ts';
import { calculateBackPay } from '../../services/money/calculate-back-pay.ts';
import { findMoneySubject } from '../../services/money/find-money-subject.ts';
import { BACK_PAY_DOCUMENT_KINDS } from '../../documents/back-pay/back-pay-document-kinds.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { day } from '../../services/employees/employee-input.ts';
import { issueBackPayDocument } from '../../services/money/issue-back-pay-document.ts';
import { defineRoute } from '../api-route.ts';
import { backPayBody, backPaySubject, month } from './money-routes.ts';
import { sendFile } from './proof-routes.ts';

const documentBody = z
  .object({
    employeeId: z.uuid({ message: '请先选择一名员工：文书会存入该员工的证据记录' }),
    from: month,
    to: month,
    payOn: day,
    kind: z.enum(BACK_PAY_DOCUMENT_KINDS, { message: '文书类型应为申报表、说明函或跨年补缴影响说明之一' }),
    reason: z.string().trim().min(1, '补缴原因不能为空，不填则使用默认说明').max(200, '补缴原因最多 200 字').optional(),
  })
  .strict();

export function backPayDocumentRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post', path: '/calc/back-pay/documents', tag: 'money', body: documentBody, status: 201,
      summary: 'Generate one back-pay document as PDF for an employee — declaration (社保补缴申报表), letter (社保补缴说明函 to the employee) or cross-year (跨年补缴影响说明) — from the same calculation as POST /calc/back-pay; stored and ledgered as a money.document evidence entry under the employee. Header X-Document-Sha256 names the stored file',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN', action: 'money.document',
      handler: async ({ actor, body, ctx }) => {
        const doc = await issueBackPayDocument(deps, { actor, kind: body.kind, employee: { employeeId: body.employeeId }, from: body.from, to: body.to, payOn: body.payOn, reason: body.reason ?? null });
        ctx.set('X-Document-Sha256', doc.sha256);
        return sendFile(ctx, doc, true);
      },
    }),
    defineRoute({
      method: 'post', path: '/calc/back-pay/xlsx', tag: 'money', body: backPayBody,
      summary: 'The back-pay of POST /calc/back-pay as an Excel workbook: amounts as numbers in yuan with two decimals, months and due days as dates, the unverified-policy warning on top',
      roles: 'HR_SPECIALIST, HR_MANAGER, FINANCE, ADMIN: anyone (ad-hoc wage too); EMPLOYEE: self',
      handler: async ({ actor, body, ctx }) => {
        const subject = backPaySubject(body);
        const result = await calculateBackPay(deps, { actor, subject, from: body.from, to: body.to, payOn: body.payOn });
        const who = 'city' in subject ? `月工资 ${(subject.wageFen / 100).toFixed(2)} 元` : (await findMoneySubject(deps, actor, subject)).name;
        const stream = new PassThrough();
        // Written as the client reads it; an error after the headers can only end the stream.
        backPayWorkbook(result, { subject: who }).xlsx.write(stream).then(() => stream.end(), (err: Error) => stream.destroy(err));
        ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`补缴测算-${who}-${body.from}至${body.to}.xlsx`)}`);
        ctx.set('Cache-Control', 'private, no-store');
        return stream;
      },
    }),
  ];
}
