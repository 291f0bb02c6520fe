// The answer time has passed: each open question past its last day becomes ESCALATED (once,
// through compareAndSet) and the HR managers get a card. Bounded batches; a rerun finds nothing.
import type { Actor } from '../../domain/actor.ts';
import { parseDay } from '../../domain/dates.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { CardRecipient } from '../cards/card-instance-json.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { QUESTION_SUBJECT } from './question-links.ts';
import { queueQuestionCards } from './queue-question-cards.ts';

const BATCH = 100;

/**
 * @example
 *   await escalateOverdueQuestions(deps, { asOf: '2026-12-11', actor: systemActor('job:question-sla') }) // → { escalated: 1 }
 */
export async function escalateOverdueQuestions(deps: ServiceDeps, o: { asOf: string; actor: Actor }): Promise<{ escalated: number }> {
  const overdue = await deps.db.employeeQuestion.findMany({ where: { state: 'OPEN', dueOn: { lt: parseDay(o.asOf) } }, orderBy: { createdAt: 'asc' }, take: BATCH });
  const managers = await deps.db.platformIdentity.findMany({
    where: { platform: { in: deps.chatPlatforms }, employee: { status: { not: 'EXITED' }, roles: { some: { role: 'HR_MANAGER' } } } },
    select: { platform: true, userId: true, employeeId: true }, orderBy: { userId: 'asc' },
  });
  const recipients = (platform: string): CardRecipient[] => managers.filter((m) => m.platform === platform).map(({ userId, employeeId }) => ({ userId, employeeId }));
  let escalated = 0;
  for (const q of overdue) {
    const employee = await deps.db.employee.findUnique({ where: { id: q.employeeId }, select: { name: true, department: { select: { name: true } } } });
    await deps.db.$transaction(async (tx) => {
      if (!(await compareAndSet(tx.employeeQuestion, { id: q.id, state: 'OPEN', version: q.version }, { state: 'ESCALATED', escalatedAt: deps.now(), version: { increment: 1 } }))) return;
      await writeAuditEvent(tx, o.actor, { type: 'question.escalated', data: { questionId: q.id, dueOn: o.asOf, managers: managers.length } }, { type: QUESTION_SUBJECT, id: q.id });
      await queueQuestionCards(deps, tx, { question: q, employee: { name: employee?.name ?? '—', department: employee?.department.name ?? '—' }, escalated: true, recipients, actor: o.actor });
      escalated++;
    });
  }
  return { escalated };
}
