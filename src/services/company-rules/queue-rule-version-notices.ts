// HR stored a new version of a rule: the staff already at work must be shown it too (劳动合同法
// 第四条: a rule binds an employee only once made known to them), so each gets a chat message with
// the H5 link to read and sign it. Queued through the outbox in HR's transaction; the dedupe key is
// the one onboarding uses, so a hire confirmed later is not told twice.
import type { Tx } from '../../db/client.ts';
import type { CompanyRule } from '../../generated/prisma/client.ts';
import type { ServiceDeps } from '../deps.ts';
import { ruleReadUrl } from './queue-rule-acknowledgement-request.ts';

/** At work and bound by the rule; a hire in onboarding gets it on 到岗 (queue-rule-acknowledgement-request.ts). */
const STAFF_AT_WORK = ['ACTIVE', 'UNPAID_LEAVE', 'PENDING_EXIT'] as const;

/**
 * @example await queueRuleVersionNotices(deps, tx, { rule }); // → number of messages queued
 */
export async function queueRuleVersionNotices(deps: Pick<ServiceDeps, 'outbox' | 'chatPlatforms' | 'publicBaseUrl'>, tx: Tx, o: { rule: Pick<CompanyRule, 'id' | 'title' | 'version'> }): Promise<number> {
  const identities = await tx.platformIdentity.findMany({
    where: { platform: { in: deps.chatPlatforms }, employee: { status: { in: [...STAFF_AT_WORK] } } },
    select: { platform: true, userId: true, employeeId: true, employee: { select: { name: true } } },
  });
  const what = o.rule.version > 1 ? `已更新为第 ${o.rule.version} 版` : `（第 ${o.rule.version} 版）已发布`;
  for (const i of identities) {
    const text = `【规章制度签收】${i.employee.name}：公司${o.rule.title}${what}，请阅读并在线签收：${ruleReadUrl(deps.publicBaseUrl, o.rule.id)}`;
    await deps.outbox.enqueue(tx, { dedupeKey: `company-rule:${o.rule.id}:${i.employeeId}:${i.platform}`, platform: i.platform, recipients: [i.userId], payload: { kind: 'text', text } });
  }
  return identities.length;
}
