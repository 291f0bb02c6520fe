// Declarations an employee signs on the phone. A template turns a subject (e.g. an insurance
// exception) and its employee into text; the id and version are stored with each signature, so
// a signed PDF can always be traced to the wording it was rendered from. The wording is honest
// about the law: a waiver request is recorded but never presented as releasing the company.
// Released versions stay renderable (insurance-exception-wording.ts), so a declaration signed
// under an earlier version is still shown with the text and version it was signed with.
import type { Db } from '../db/client.ts';
import { formatDay } from '../domain/dates.ts';
import { isReasonCategory, reasonCategories } from '../domain/exceptions/reason-categories.ts';
import { exceptionRequestNumber } from '../domain/exceptions/request-number.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { AppError } from '../errors.ts';
import { CURRENT_WORDING_VERSION, declarationParagraphs, wordingTitles } from './insurance-exception-wording.ts';
import type { DocumentFact } from './render-pdf.ts';
import { resignationConfirmationTemplate } from './resignation-confirmation-template.ts';
import { companyRuleAcknowledgement } from './rule-acknowledgement-template.ts';

export interface DeclarationContent {
  title: string;
  paragraphs: string[];
  facts: DocumentFact[];
}

export interface DeclarationSubject {
  employeeId: string;
  /** Set when the subject can no longer be signed (withdrawn, rejected, …), as the reason to show. */
  closed?: string;
}

/** What a template reads: the database and the business day (the services' deps satisfy it). */
export interface TemplateDeps {
  db: Db;
  businessTz: string;
  now: () => Date;
}

export interface DeclarationTemplate {
  id: string;
  version: number;
  title: string;
  subjectType: string;
  /** The text of the checkbox the signer ticks (intent confirmation). */
  statement: string;
  /** Every version that can still be rendered: a signed declaration keeps the one it was signed under. */
  versions: readonly number[];
  /**
   * Who the subject belongs to; undefined when there is no such subject. `signerId` is the
   * employee asking: a subject every employee signs (a company rule) belongs to each signer.
   */
  subjectOf(deps: TemplateDeps, subjectId: string, signerId?: string): Promise<DeclarationSubject | undefined>;
  /** The content as `version` (default: the current one) words it. */
  load(deps: TemplateDeps, subjectId: string, employeeId: string, version?: number): Promise<DeclarationContent>;
}

const CLOSED: Partial<Record<string, string>> = { WITHDRAWN: '该申请已撤回', REJECTED: '该申请已被驳回', LAPSED: '该例外已失效' };

const insuranceExceptionDeclaration: DeclarationTemplate = {
  id: 'insurance-exception-declaration',
  version: CURRENT_WORDING_VERSION,
  versions: [1, CURRENT_WORDING_VERSION],
  title: '社会保险例外情形声明',
  subjectType: 'insurance_exception',
  statement: '本人已阅读并理解以上声明，确认内容真实，自愿以电子签名方式签署；本人知悉可靠的电子签名与手写签名具有同等法律效力（《电子签名法》第十四条）。',
  async subjectOf(deps, subjectId) {
    const e = await deps.db.insuranceException.findUnique({ where: { id: subjectId }, select: { employeeId: true, status: true } });
    return e ? { employeeId: e.employeeId, closed: CLOSED[e.status] } : undefined;
  },
  async load(deps, subjectId, employeeId, version = CURRENT_WORDING_VERSION) {
    const exception = await deps.db.insuranceException.findFirstOrThrow({ where: { id: subjectId, employeeId } });
    const employee = await deps.db.employee.findUniqueOrThrow({
      where: { id: employeeId },
      select: { name: true, employeeNo: true, idNumberLast4: true, startDate: true, contractEntity: true, department: { select: { name: true } } },
    });
    const category = isReasonCategory(exception.reasonCategory) ? reasonCategories[exception.reasonCategory] : undefined;
    const reason = [category?.label ?? exception.reasonCategory, exception.reasonNote].filter(Boolean).join('；');
    const paragraphs = declarationParagraphs(version, exception.kind, reason);
    if (!paragraphs) throw new AppError('internal', `声明模板第 ${version} 版没有这种情形的文本`);
    return {
      title: wordingTitles[exception.kind],
      facts: [
        { label: '姓名', value: employee.name },
        { label: '工号', value: employee.employeeNo },
        { label: '身份证号', value: maskIdNumber(employee.idNumberLast4) ?? '未登记' },
        { label: '部门', value: employee.department.name },
        { label: '入职日期', value: formatDay(employee.startDate) ?? '' },
        { label: '用人单位', value: employee.contractEntity ?? '公司' },
        { label: '情形', value: reason },
        { label: '申请编号', value: exceptionRequestNumber(exception, deps.businessTz) },
      ],
      paragraphs,
    };
  },
};

export const declarationTemplates: Readonly<Record<string, DeclarationTemplate>> = {
  [insuranceExceptionDeclaration.id]: insuranceExceptionDeclaration,
  [resignationConfirmationTemplate.id]: resignationConfirmationTemplate,
  [companyRuleAcknowledgement.id]: companyRuleAcknowledgement,
};

/** 'insurance-exception-declaration@2', as stored in Signature.template (default: the current version). */
export const templateKey = (t: DeclarationTemplate, version = t.version): string => `${t.id}@${version}`;

/** The version in a stored key ('…@1' → 1); the current version when the key has none. */
export function versionOfKey(t: DeclarationTemplate, key: string): number {
  const v = Number(key.split('@')[1]);
  return Number.isInteger(v) && t.versions.includes(v) ? v : t.version;
}
