// Declarations an employee signs on the phone. A template turns a subject (e.g. an insurance
// exception) and its employee into text; the id and version are stored with each signature, so
// a signed PDF can always be traced to the wording it was rendered from. The wording is honest
// about the law: a waiver request is recorded but never presented as releasing the company.
import type { ServiceDeps } from '../services/deps.ts';
import { formatDay } from '../domain/dates.ts';
import { isReasonCategory, reasonCategories } from '../domain/exceptions/reason-categories.ts';
import { maskIdNumber } from '../domain/mask.ts';
import type { InsuranceExceptionKind } from '../generated/prisma/enums.ts';
import type { DocumentFact } from './render-pdf.ts';

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

export interface DeclarationTemplate {
  id: string;
  version: number;
  title: string;
  subjectType: string;
  /** The text of the checkbox the signer ticks (intent confirmation). */
  statement: string;
  /** Who the subject belongs to; undefined when there is no such subject. */
  subjectOf(deps: ServiceDeps, subjectId: string): Promise<DeclarationSubject | undefined>;
  load(deps: ServiceDeps, subjectId: string, employeeId: string): Promise<DeclarationContent>;
}

const INTERPRETATION_1 = '《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十二条';
const WAIVER_VOID = '根据《最高人民法院关于审理劳动争议案件适用法律问题的解释（二）》（法释〔2025〕12号）第十九条，劳动者与用人单位约定或者承诺不缴纳社会保险费的，该约定或承诺无效；本声明不免除公司依法缴纳社会保险的义务。';
const INJURY = '工伤保险由公司依法缴纳（《工伤保险条例》第二条、第六十二条）。';

const kindParagraphs: Record<InsuranceExceptionKind, (reason: string) => string[]> = {
  RETIRED_REHIRE: () => [
    `本人已依法享受基本养老保险待遇（已办理退休并按月领取基本养老金），现与公司建立劳务关系（${INTERPRETATION_1}）。`,
    '本人将提供退休证或养老金领取证明，保证所提供的材料真实、有效；如本人享受养老保险待遇的情况发生变化，将及时告知公司。',
  ],
  DUAL_EMPLOYMENT: () => [
    '本人与原单位保留劳动关系（停薪留职、内退、下岗待岗等），原单位仍为本人缴纳社会保险，因此本人的基本养老、基本医疗等社会保险不在公司重复参加。',
    `本人知悉：本人与公司之间的用工关系仍按劳动关系处理（${INTERPRETATION_1}第二款）。本人将提供原单位的社会保险缴费记录，保证其真实、有效；原单位停止为本人缴纳社会保险时，本人将立即告知公司，由公司依法为本人参保。`,
  ],
  WAIVER_REQUEST: (reason) => [
    `本人向公司提出不在公司参加社会保险的请求，原因：${reason}。`,
    WAIVER_VOID,
    '公司已向本人说明上述规定，并将依法为本人办理社会保险登记、缴纳社会保险费。本声明仅记录本人提出的请求以及公司已告知的法律规定。',
  ],
};

const titles: Record<InsuranceExceptionKind, string> = {
  RETIRED_REHIRE: '退休返聘人员社会保险情况声明',
  DUAL_EMPLOYMENT: '原单位缴纳社会保险情况声明',
  WAIVER_REQUEST: '不参加社会保险请求记录及法律告知',
};

const CLOSED: Partial<Record<string, string>> = { WITHDRAWN: '该申请已撤回', REJECTED: '该申请已被驳回', LAPSED: '该例外已失效' };

const insuranceExceptionDeclaration: DeclarationTemplate = {
  id: 'insurance-exception-declaration',
  version: 1,
  title: '社会保险例外情形声明',
  subjectType: 'insurance_exception',
  statement: '本人已阅读并理解以上声明，确认内容真实，自愿以电子签名方式签署；本人知悉可靠的电子签名与手写签名具有同等法律效力（《电子签名法》第十四条）。',
  async subjectOf(deps, subjectId) {
    const e = await deps.db.insuranceException.findUnique({ where: { id: subjectId }, select: { employeeId: true, status: true } });
    return e ? { employeeId: e.employeeId, closed: CLOSED[e.status] } : undefined;
  },
  async load(deps, subjectId, employeeId) {
    const exception = await deps.db.insuranceException.findFirstOrThrow({ where: { id: subjectId, employeeId } });
    const employee = await deps.db.employee.findUniqueOrThrow({
      where: { id: employeeId },
      select: { name: true, employeeNo: true, idNumberLast4: true, startDate: true, contractEntity: true, department: { select: { name: true } } },
    });
    const category = isReasonCategory(exception.reasonCategory) ? reasonCategories[exception.reasonCategory] : undefined;
    const reason = [category?.label ?? exception.reasonCategory, exception.reasonNote].filter(Boolean).join('；');
    return {
      title: titles[exception.kind],
      facts: [
        { label: '姓名', value: employee.name },
        { label: '工号', value: employee.employeeNo },
        { label: '身份证号', value: maskIdNumber(employee.idNumberLast4) ?? '未登记' },
        { label: '部门', value: employee.department.name },
        { label: '入职日期', value: formatDay(employee.startDate) ?? '' },
        { label: '用人单位', value: employee.contractEntity ?? '公司' },
        { label: '情形', value: reason },
        { label: '申请编号', value: exception.id },
      ],
      paragraphs: [
        ...kindParagraphs[exception.kind](reason),
        INJURY,
        '本人确认以上信息真实、准确，已阅读并理解本声明的全部内容。本人可随时在「我的文件」中免费查看和下载本声明。',
      ],
    };
  },
};

export const declarationTemplates: Readonly<Record<string, DeclarationTemplate>> = {
  [insuranceExceptionDeclaration.id]: insuranceExceptionDeclaration,
};

/** 'insurance-exception-declaration@1', as stored in Signature.template. */
export const templateKey = (t: DeclarationTemplate): string => `${t.id}@${t.version}`;
