// Company rules over REST (劳动合同法 第四条): HR stores a rule with its adoption record, every
// employee reads the rule in force, HR sees who acknowledged it. Acknowledging is a signature
// (POST /signatures, template company-rule-acknowledgement).
import { z } from 'zod';
import { ADOPTION_METHODS, COMPANY_RULE_KINDS } from '../../domain/company-rules/company-rule.ts';
import { getCompanyRuleFile } from '../../services/company-rules/get-company-rule-file.ts';
import { listCompanyRules } from '../../services/company-rules/list-company-rules.ts';
import { listRuleAcknowledgements } from '../../services/company-rules/list-rule-acknowledgements.ts';
import { storeCompanyRule } from '../../services/company-rules/store-company-rule.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { day } from '../../services/employees/employee-input.ts';
import { defineRoute, idParams } from '../api-route.ts';
import { sendFile } from './proof-routes.ts';
import { receiveRuleFiles, ruleFile } from './receive-rule-files.ts';

const HR = 'HR_SPECIALIST, HR_MANAGER, ADMIN (signed in as an employee)';
const text = (label: string, min: number, max: number) => z.string({ message: `请填写${label}` }).trim().min(min, `请填写${label}`).max(max, `${label}最多 ${max} 字`);
const storeBody = z.object({
  kind: z.enum(COMPANY_RULE_KINDS, { message: '制度类型应为考勤制度' }).default('attendance'),
  title: text('制度名称', 2, 60),
  article: text('通知书引用的条款', 2, 200),
  adoptedOn: day,
  adoptionMethod: z.enum(ADOPTION_METHODS, { message: '通过方式应为「职工代表大会」或「全体职工讨论」' }),
});
const ruleParams = idParams('规章制度');
const fileParams = z.object({ id: z.uuid({ message: '规章制度编号格式不正确，请从列表重新打开' }), part: z.enum(['document', 'minutes'], { message: '文件应为「制度文件」或「会议纪要」' }) });

export function companyRuleRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post', path: '/company-rules', action: 'company_rule.manage', tag: 'company-rules', contentType: 'multipart/form-data', body: storeBody, status: 201, roles: HR,
      summary: 'Store a company rule version (劳动合同法 第四条): fields kind, title, article (quoted by the exit notices), adoptedOn, adoptionMethod; files `document` (PDF) and `minutes` (PDF/JPEG/PNG). A new version supersedes the previous one; both files go into the evidence ledger',
      middleware: [receiveRuleFiles()],
      handler: ({ actor, body, ctx }) => storeCompanyRule(deps, { actor, ...body, document: ruleFile(ctx, 'document'), minutes: ruleFile(ctx, 'minutes') }),
    }),
    defineRoute({
      method: 'get', path: '/company-rules', tag: 'company-rules', roles: `${HR}: every version with acknowledgement counts; anyone: the versions in force and their own acknowledgement`,
      summary: 'Stored company rules with adoption record and acknowledgement state',
      handler: ({ actor }) => listCompanyRules(deps, { actor }),
    }),
    defineRoute({
      method: 'get', path: '/company-rules/:id/acknowledgements', action: 'company_rule.manage', tag: 'company-rules', params: ruleParams, roles: HR,
      summary: 'Every current employee and whether they signed this rule version (not yet signed first)',
      handler: ({ actor, params }) => listRuleAcknowledgements(deps, { actor, ruleId: params.id }),
    }),
    defineRoute({
      method: 'get', path: '/company-rules/:id/:part', tag: 'company-rules', params: fileParams, roles: 'document: any signed-in employee; minutes: HR',
      summary: "The rule's PDF (document) or its adoption minutes (minutes), inline",
      handler: async ({ actor, params, ctx }) => sendFile(ctx, await getCompanyRuleFile(deps, { actor, ruleId: params.id, part: params.part }), false),
    }),
  ];
}
