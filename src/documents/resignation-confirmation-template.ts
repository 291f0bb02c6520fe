// 「我已离职」 confirmed as a written resignation (劳动合同法 第三十七条), signed on the phone by the
// absent employee from the return-to-work notice page. It is safer for both sides than a
// 第三十九条 termination: the employee leaves on a day they name (at most 30 days on), the company
// stops the absence chain. Subject: the exit case, open while the employee's latest answer to a
// notice is 「我已离职」 and the case still waits for a return.
import { dayIn, formatDay } from '../domain/dates.ts';
import type { DeclarationTemplate, TemplateDeps } from './declaration-templates.ts';

export const RESIGNATION_CONFIRMATION_TEMPLATE = 'exit-resignation-confirmation';

/** Absence states in which the employee may still answer a notice. */
export const RESIGNABLE_STATES = ['NOTICE_1_SENT', 'NOTICE_2_PENDING', 'NOTICE_2_SENT', 'UNION_PENDING', 'UNION_NOTIFIED'];

async function latestAnswer(deps: TemplateDeps, processId: string) {
  return deps.db.exitStep.findFirst({ where: { processId, kind: { in: ['return_notice_1', 'return_notice_2'] }, sentAt: { not: null } }, orderBy: { sentAt: 'desc' }, select: { answer: true, answerLastDay: true } });
}

/** The last day as signed: the day the employee named, never before the day of signing. */
export function resignationLastDay(named: Date | null, today: string): string {
  const day = formatDay(named);
  return day && day > today ? day : today;
}

export const resignationConfirmationTemplate: DeclarationTemplate = {
  id: RESIGNATION_CONFIRMATION_TEMPLATE,
  version: 1,
  versions: [1],
  title: '书面辞职通知',
  subjectType: 'exit_process',
  statement: '本人确认以此作为书面辞职通知（《劳动合同法》第三十七条），内容真实，自愿以电子签名方式签署；本人知悉可靠的电子签名与手写签名具有同等法律效力（《电子签名法》第十四条）。',
  async subjectOf(deps, subjectId) {
    const p = await deps.db.exitProcess.findUnique({ where: { id: subjectId }, select: { employeeId: true, kind: true, state: true } });
    if (!p) return undefined;
    if (p.kind !== 'ABSENCE' || !RESIGNABLE_STATES.includes(p.state)) return { employeeId: p.employeeId, closed: '该离职流程当前不接受书面辞职' };
    const answer = await latestAnswer(deps, subjectId);
    return { employeeId: p.employeeId, ...(answer?.answer !== 'RESIGNED' && { closed: '请先在返岗通知书页面选择「我已离职」' }) };
  },
  async load(deps, subjectId, employeeId) {
    const e = await deps.db.employee.findUniqueOrThrow({
      where: { id: employeeId },
      select: { name: true, employeeNo: true, position: true, startDate: true, contractEntity: true, department: { select: { name: true } } },
    });
    const lastDay = resignationLastDay((await latestAnswer(deps, subjectId))?.answerLastDay ?? null, dayIn(deps.businessTz, deps.now()));
    const company = e.contractEntity ?? '公司';
    return {
      title: '书面辞职通知',
      facts: [
        { label: '姓名', value: e.name },
        { label: '工号', value: e.employeeNo },
        { label: '部门', value: e.department.name },
        { label: '岗位', value: e.position || '—' },
        { label: '入职日期', value: formatDay(e.startDate) ?? '' },
        { label: '用人单位', value: company },
        { label: '最后工作日', value: lastDay },
      ],
      paragraphs: [
        `${company}：`,
        `本人 ${e.name}（工号 ${e.employeeNo}）依据《劳动合同法》第三十七条，以本通知书面通知解除与贵单位的劳动合同，最后工作日为 ${lastDay}。`,
        '本人确认此前对返岗通知书所作「我已离职」的回复即为本人辞职的意思表示；请贵单位为本人办理离职手续，出具解除劳动合同的证明，并办理档案和社会保险关系转移（《劳动合同法》第五十条）。',
      ],
    };
  },
};
