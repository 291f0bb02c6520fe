// What waits for one person besides approvals, from the same sources as the H5 我的 page: the
// open cards addressed to them (到岗确认, 增员, 缺勤, 离职 …), the company rules in force they have
// not signed (劳动合同法 第四条), and the declarations and proofs their own exceptions still need.
import type { TodoCardItem } from '../../../cards/bot-todo-card.ts';
import { APPROVAL_REQUEST_CARD } from '../../../cards/approval-request-card.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import { listCompanyRules } from '../company-rules/list-company-rules.ts';
import type { ServiceDeps } from '../deps.ts';
import { checkExceptionDocuments } from '../exceptions/check-exception-documents.ts';

const OPEN_CARDS_LIMIT = 20;

/**
 * @example
 *   await listMyTodos(deps, { actor, platform: 'wecom', platformUserId: 'wanghr' }) // → [{ kind: '待签收制度', title: '员工手册' }]
 */
export async function listMyTodos(deps: ServiceDeps, o: { actor: Actor; platform: Platform; platformUserId: string }): Promise<TodoCardItem[]> {
  // Approval cards are left out: the caller lists pending approvals from the approvals themselves.
  const cards = await deps.db.$queryRaw<{ title: string }[]>`
    SELECT model->>'title' AS title FROM "CardInstance"
     WHERE platform = ${o.platform}::"Platform" AND state = 'OPEN' AND type <> ${APPROVAL_REQUEST_CARD}
       AND recipients @> ${JSON.stringify([{ userId: o.platformUserId }])}::jsonb
     ORDER BY "createdAt" LIMIT ${OPEN_CARDS_LIMIT}`;
  const { rules } = await listCompanyRules(deps, { actor: o.actor });
  const unsigned = rules.filter((r) => r.current && !r.acknowledgedAt);
  const drafts = await deps.db.insuranceException.findMany({ where: { employeeId: o.actor.id, status: 'DRAFT' }, select: { id: true, employeeId: true, reasonCategory: true } });
  const missing = (await Promise.all(drafts.map((d) => checkExceptionDocuments(deps.db, d, deps.publicBaseUrl)))).flat().filter((d) => !d.present);
  return [
    ...cards.map((c) => ({ kind: '待处理卡片', title: c.title })),
    ...unsigned.map((r) => ({ kind: '待签收制度', title: `${r.title}（第 ${r.version} 版）` })),
    ...missing.map((d) => ({ kind: '例外材料', title: `请提交：${d.label}` })),
  ];
}
