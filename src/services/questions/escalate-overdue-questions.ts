// The answer time has passed: each open question past its last day becomes ESCALATED (once,
// through compareAndSet) and the HR managers (as the 员工咨询 setting adds to them) get a card. Bounded batches; a rerun finds nothing.
import type { Actor } from '../../domain/actor.ts';
import { parseDay } from '../../domain/dates.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import { findHrRecipients } from '../cards/find-hr-recipients.ts';
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
  // 员工咨询 as HR chose it: the escalation goes above the first card's people (hr.above).
  const hr = await findHrRecipients(deps.db, deps.chatPlatforms, { kind: 'question', now: deps.now(), businessTz: deps.businessTz });
  let escalated = 0;
  for (const q of overdue) {
    const employee = await deps.db.employee.findUnique({ where: { id: q.employeeId }, select: { name: true, managerId: true, department: { select: { name: true } } } });
    const recipients = (platform: Platform) => hr.above(platform, { managerId: employee?.managerId ?? null }).filter((r) => r.employeeId !== q.employeeId);
    const managers = deps.chatPlatforms.reduce((n, p) => n + recipients(p).length, 0);
    await deps.db.$transaction(async (tx) => {
      if (!(await compareAndSet(tx.employeeQuestion, { id: q.id, state: 'OPEN', version: q.version }, { state: 'ESCALATED', escalatedAt: deps.now(), version: { increment: 1 } }))) return;
      await writeAuditEvent(tx, o.actor, { type: 'question.escalated', data: { questionId: q.id, dueOn: o.asOf, managers } }, { type: QUESTION_SUBJECT, id: q.id });
      await queueQuestionCards(deps, tx, { question: q, employee: { name: employee?.name ?? '—', department: employee?.department.name ?? '—' }, escalated: true, recipients, group: hr, actor: o.actor, availableAt: hr.availableAt({ legalDeadlineToday: false }) });
      escalated++;
    });
  }
  return { escalated };
}
