// HR acknowledges a resignation (card 确认收到 or REST). The resignation takes effect on its day
// anyway (劳动合同法 第三十七条 needs no consent); the acknowledgement proves HR received it.
import { EXIT_ACCEPT_RESIGNATION } from '../../../cards/action-ids.ts';
import { EXIT_RESIGNATION_CARD } from '../../../cards/exit-resignation-card.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatDay } from '../../domain/dates.ts';
import { exitStateLabels, RESIGNATION_KINDS } from '../../domain/exits/exit-states.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { rememberClick, type ClickReceipt } from '../cards/remember-response-code.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeExitCards } from './close-exit-cards.ts';
import { loadExitEmployee } from './exit-facts.ts';
import { lockExitCaseForHr, moveExitProcess } from './lock-exit-process.ts';

/**
 * @example await acceptResignation(deps, { processId, actor }); // → { text: '已确认收到 张三 的离职申请，离职日期 2026-12-31' }
 */
export async function acceptResignation(deps: ServiceDeps, o: { processId: string; actor: Actor; click?: ClickReceipt }): Promise<{ text: string }> {
  authorize(o.actor, 'exit.manage');
  return deps.db.$transaction(async (tx) => {
    const p = await lockExitCaseForHr(tx, o.processId, o.actor);
    await rememberClick(tx, o.click);
    if (!(RESIGNATION_KINDS as readonly string[]).includes(p.kind)) throw new AppError('conflict', '这不是离职申请');
    const employee = await loadExitEmployee(tx, p.employeeId);
    const exitDate = formatDay(p.exitDate) as string;
    if (p.state !== 'REQUESTED') {
      if (p.state === 'ACCEPTED') return { text: `${employee.name} 的离职申请已确认，离职日期 ${exitDate}` };
      throw new AppError('conflict', `该离职申请当前为「${exitStateLabels[p.state] ?? p.state}」`);
    }
    await moveExitProcess(tx, p, 'ACCEPTED');
    await writeAuditEvent(tx, o.actor, { type: 'exit.accepted', data: { processId: p.id, exitDate } }, { type: 'exit_process', id: p.id });
    await closeExitCards(deps, tx, { subjectId: p.id, types: [EXIT_RESIGNATION_CARD], actor: o.actor, actionId: EXIT_ACCEPT_RESIGNATION, label: `已确认收到（离职日期 ${exitDate}）` });
    return { text: `已确认收到 ${employee.name} 的离职申请，离职日期 ${exitDate}` };
  });
}
