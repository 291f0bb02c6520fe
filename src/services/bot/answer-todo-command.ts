// 「待办」 in a 1:1 chat: a 我的待办 card, then every approval waiting for the asker as its own
// approval card, sent again under a fresh key so its 同意/驳回 go through decideApprovalFromCard
// like the first copy (a step's cards all close together when anyone decides it).
import { buildBotTodoCard } from '../../../cards/bot-todo-card.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import { listApprovals } from '../approvals/list-approvals.ts';
import { approvalCardKey, queueApprovalCard } from '../approvals/queue-approval-cards.ts';
import type { ServiceDeps } from '../deps.ts';
import { deliveryTag } from './delivery-tag.ts';
import { listMyTodos } from './list-my-todos.ts';

/** At most this many approval cards per 「待办」; the rest are counted on the todo card. */
export const PENDING_APPROVAL_CARDS_SENT = 5;

/**
 * @example
 *   await answerTodoCommand(deps, { actor, platform: 'wecom', platformUserId: 'wanghr', deliveryId: 'msg-1' }) // → { cards: 2 }
 */
export async function answerTodoCommand(
  deps: ServiceDeps,
  o: { actor: Actor; platform: Platform; platformUserId: string; deliveryId: string },
): Promise<{ cards: number }> {
  const pending = (await listApprovals(deps, { actor: o.actor, box: 'pending' })).items;
  const others = await listMyTodos(deps, o);
  const items = [...pending.map((a) => ({ kind: '待我审批', title: a.title })), ...others];
  const tag = deliveryTag(o.deliveryId);
  const approvals = await deps.db.approval.findMany({
    where: { id: { in: pending.slice(0, PENDING_APPROVAL_CARDS_SENT).map((a) => a.id) } },
    include: { steps: { orderBy: { index: 'asc' } } },
    orderBy: { createdAt: 'asc' },
  });
  const base = deps.publicBaseUrl;
  const card = buildBotTodoCard({ key: `todo-${o.actor.id.replaceAll('-', '')}-${tag}`, name: o.actor.name, items, todoUrl: `${base}/app/todo`, meUrl: `${base}/app/me` });
  const identity = { employeeId: o.actor.id, platform: o.platform, userId: o.platformUserId };
  await deps.db.$transaction(async (tx) => {
    await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform: o.platform, recipients: [o.platformUserId], payload: { kind: 'card', card } });
    for (const approval of approvals) {
      const step = approval.steps[approval.currentStep];
      if (!step) continue;
      const submitterName = pending.find((p) => p.id === approval.id)?.submitter.name ?? '—';
      await queueApprovalCard(deps, tx, {
        approval, step, stepCount: approval.steps.length, submitterName, actor: o.actor, subjectEmployeeId: approval.subjectEmployeeId ?? approval.submitterId,
        identity, key: `${approvalCardKey(step.id, step.level, o.actor.id, o.platform)}-${tag}`,
      });
    }
  });
  return { cards: 1 + approvals.length };
}
