// The manager's answer from the H5 or the REST API (with an optional note), for when the card
// is not at hand. Allowed to the employee's line manager, a recipient of the case's cards, or HR.
import type { Actor } from '../../domain/actor.ts';
import { scopeOf } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { sealTreeHead } from '../evidence/seal-tree-head.ts';
import { parseRecipients } from '../cards/card-instance-json.ts';
import { decideAbsenceCaseInTx } from './decide-absence-case.ts';

/**
 * @example
 *   await answerAbsenceCase(deps, { actor, caseId, decision: 'contacted', note: '电话联系上，家中有事，明日返岗' })
 */
export async function answerAbsenceCase(deps: ServiceDeps, opts: { actor: Actor; caseId: string; decision: 'contacted' | 'unreachable'; note?: string }): Promise<{ state: string; changed: boolean; exitProcessId?: string }> {
  const absence = await deps.db.absenceCase.findUnique({ where: { id: opts.caseId }, select: { id: true, employeeId: true, state: true } });
  if (!absence) throw new AppError('not_found', '找不到该缺勤记录');
  const employee = await deps.db.employee.findUniqueOrThrow({ where: { id: absence.employeeId }, select: { managerId: true } });
  const isHr = scopeOf(opts.actor, 'employee.transition') === 'all';
  const isManager = opts.actor.kind === 'employee' && employee.managerId === opts.actor.id;
  const cards = isHr || isManager ? [] : await deps.db.cardInstance.findMany({ where: { subjectType: 'absence_case', subjectId: absence.id }, select: { recipients: true } });
  const isRecipient = cards.some((c) => parseRecipients(c.recipients).some((r) => r.employeeId === opts.actor.id));
  if (!isHr && !isManager && !isRecipient) throw new AppError('forbidden', '只有直属上级或人事可以答复缺勤确认');
  if (absence.employeeId === opts.actor.id) throw new AppError('forbidden', '不能答复自己的缺勤确认');
  const r = await deps.db.$transaction((tx) => decideAbsenceCaseInTx(deps, tx, { actor: opts.actor, caseId: absence.id, decision: opts.decision, note: opts.note }));
  if (r.refused) throw new AppError('conflict', r.refused);
  if (!r.changed) throw new AppError('conflict', `该缺勤确认已由 ${r.absence.decidedByName ?? '他人'} 处理`);
  if (r.exitProcessId) await sealTreeHead(deps).catch(() => undefined);
  return { state: r.absence.state, changed: r.changed, ...(r.exitProcessId && { exitProcessId: r.exitProcessId }) };
}
