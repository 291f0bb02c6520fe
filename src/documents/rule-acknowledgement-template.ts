// 规章制度签收: an employee confirms they read a stored company rule (its PDF, the version in force)
// and know it binds them. Adopted democratically and made known to the employee is what makes a
// rule usable against them (劳动合同法 第四条); this signature is the "made known" half.
import { adoptionMethodLabels, isAdoptionMethod } from '../domain/company-rules/company-rule.ts';
import { formatDay } from '../domain/dates.ts';
import type { DeclarationTemplate } from './declaration-templates.ts';

export const RULE_ACKNOWLEDGEMENT_TEMPLATE = 'company-rule-acknowledgement';

export const companyRuleAcknowledgement: DeclarationTemplate = {
  id: RULE_ACKNOWLEDGEMENT_TEMPLATE,
  version: 1,
  versions: [1],
  title: '规章制度签收',
  subjectType: 'company_rule',
  statement: '本人已完整阅读上述规章制度，知悉并同意遵守；本人自愿以电子签名方式签收，知悉可靠的电子签名与手写签名具有同等法律效力（《电子签名法》第十四条）。',
  async subjectOf(deps, subjectId, signerId) {
    const rule = await deps.db.companyRule.findUnique({ where: { id: subjectId }, select: { supersededAt: true } });
    if (!rule || !signerId) return undefined;
    const signer = await deps.db.employee.findUnique({ where: { id: signerId }, select: { status: true } });
    if (!signer) return undefined;
    return { employeeId: signerId, closed: rule.supersededAt ? '该版本已被新版本取代，请签收现行版本' : signer.status === 'EXITED' ? '你已离职' : undefined };
  },
  async load(deps, subjectId, employeeId) {
    const rule = await deps.db.companyRule.findUniqueOrThrow({ where: { id: subjectId } });
    const employee = await deps.db.employee.findUniqueOrThrow({ where: { id: employeeId }, select: { name: true, employeeNo: true, department: { select: { name: true } } } });
    const method = isAdoptionMethod(rule.adoptionMethod) ? adoptionMethodLabels[rule.adoptionMethod] : rule.adoptionMethod;
    const adoptedOn = formatDay(rule.adoptedOn) ?? '';
    return {
      title: `规章制度签收单：${rule.title}`,
      paragraphs: [
        `本人已收到并完整阅读公司${rule.title}（第 ${rule.version} 版）。该制度于 ${adoptedOn} 经${method}讨论通过，依照《劳动合同法》第四条向本人公示。`,
        `本人知悉该制度的规定，包括：“${rule.article}”。`,
        '本人同意遵守该制度。',
      ],
      facts: [
        { label: '姓名', value: employee.name },
        { label: '工号', value: employee.employeeNo },
        { label: '部门', value: employee.department.name },
        { label: '制度', value: `${rule.title} 第 ${rule.version} 版` },
        { label: '通过日期', value: adoptedOn },
        { label: '通过方式', value: method },
        { label: '制度文件 SHA-256', value: rule.documentSha256 },
      ],
    };
  },
};
