// 社保咨询 / 投诉 as the H5 shows them: HR sees every question, unanswered first; an employee
// sees their own. Nobody else learns a question exists.
import type { Actor } from '../../domain/actor.ts';
import { formatDateTime, formatDay } from '../../domain/dates.ts';
import { scopeOf } from '../../domain/permissions.ts';
import { questionKindLabels, questionStateLabels, type QuestionKind, type QuestionState } from '../../domain/questions/employee-question.ts';
import { AppError } from '../../errors.ts';
import type { EmployeeQuestion } from '../../generated/prisma/client.ts';
import type { QuestionList, QuestionView } from '../../domain/views/questions.ts';
import type { ServiceDeps } from '../deps.ts';

const LIST_LIMIT = 100;

type Row = EmployeeQuestion & { employee: { name: string; department: { name: string } } | null };

function view(deps: ServiceDeps, q: Row, hr: boolean): QuestionView {
  return {
    id: q.id, kind: q.kind, kindLabel: questionKindLabels[q.kind as QuestionKind] ?? q.kind, text: q.text,
    state: q.state, stateLabel: questionStateLabels[q.state as QuestionState] ?? q.state,
    askedAt: formatDateTime(deps.businessTz, q.createdAt), dueOn: formatDay(q.dueOn)!,
    answer: q.answer, answeredByName: q.answeredByName, answeredAt: q.answeredAt ? formatDateTime(deps.businessTz, q.answeredAt) : null,
    employee: hr && q.employee ? { name: q.employee.name, department: q.employee.department.name } : null,
    canAnswer: hr && q.state !== 'ANSWERED',
  };
}

/** Questions stay readable after the asker leaves; the name is looked up, not stored twice. */
async function withEmployees(deps: ServiceDeps, rows: EmployeeQuestion[]): Promise<Row[]> {
  const people = await deps.db.employee.findMany({ where: { id: { in: rows.map((r) => r.employeeId) } }, select: { id: true, name: true, department: { select: { name: true } } } });
  return rows.map((r) => ({ ...r, employee: people.find((p) => p.id === r.employeeId) ?? null }));
}

/**
 * @example await listQuestions(deps, { actor }) // → { items: [{ id, kindLabel, text, stateLabel, dueOn, … }] }
 */
export async function listQuestions(deps: ServiceDeps, o: { actor: Actor }): Promise<QuestionList> {
  const hr = scopeOf(o.actor, 'question.answer') === 'all';
  const rows = await deps.db.employeeQuestion.findMany({
    where: hr ? {} : { employeeId: o.actor.id },
    // 'ANSWERED' sorts before 'ESCALATED' and 'OPEN': descending puts the unanswered first.
    orderBy: [{ state: 'desc' }, { createdAt: 'desc' }], take: LIST_LIMIT,
  });
  return { items: (await withEmployees(deps, rows)).map((q) => view(deps, q, hr)) };
}

/**
 * @example await getQuestion(deps, { actor, id }) // → { id, text, answer, canAnswer, … }
 */
export async function getQuestion(deps: ServiceDeps, o: { actor: Actor; id: string }): Promise<QuestionView> {
  const hr = scopeOf(o.actor, 'question.answer') === 'all';
  const q = await deps.db.employeeQuestion.findUnique({ where: { id: o.id } });
  if (!q || (!hr && q.employeeId !== o.actor.id)) throw new AppError('not_found', '找不到这条咨询，或你无权查看；请从列表重新打开');
  const [row] = await withEmployees(deps, [q]);
  return view(deps, row!, hr);
}
