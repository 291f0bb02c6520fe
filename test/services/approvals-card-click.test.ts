import { beforeEach, describe, expect, it } from 'vitest';
import { APPROVAL_APPROVE, APPROVAL_REJECT, ONBOARDING_ARRIVED } from '../../cards/action-ids.ts';
import { approvalCardKey } from '../../src/services/approvals/queue-approval-cards.ts';
import { decideApprovalFromCard } from '../../src/services/approvals/decide-approval-from-card.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { freshCompany, registerTestDefinitions, submit, type Company } from './approvals-kit.ts';

const t = await createTestDb({ now: () => new Date('2026-12-01T02:00:00.000Z') });
registerTestDefinitions();
const { deps } = withRecordingOutbox(t.deps);
let c: Company;

beforeEach(async () => {
  c = await freshCompany(deps);
});

async function setup() {
  const { approvalId } = await submit(deps, c, 'test-any');
  const step = await t.db.approvalStep.findFirstOrThrow({ where: { approvalId } });
  const key = (who: Company['hrm1']) => approvalCardKey(step.id, 0, who.employee.id, 'sandbox');
  const click = (who: Company['hrm1'] | undefined, cardOf: Company['hrm1'], userId: string, actionId = APPROVAL_APPROVE) =>
    decideApprovalFromCard(deps, { cardKey: key(cardOf), actionId, actor: who?.actor, platform: 'sandbox', platformUserId: userId });
  return { approvalId, step, key, click };
}

describe('decideApprovalFromCard', () => {
  it('decides for the approver the card was sent to, with the platform as channel', async () => {
    const s = await setup();
    expect(await s.click(c.hrm1, c.hrm1, 'hrm-1', APPROVAL_REJECT)).toEqual({ text: '已驳回「测试审批：张三」' });
    expect(await t.db.approvalDecision.findFirstOrThrow()).toMatchObject({ approverId: c.hrm1.employee.id, decision: 'REJECT', channel: 'sandbox' });
  });

  it('answers a second click on a decided card with who decided, changing nothing', async () => {
    const s = await setup();
    await s.click(c.hrm1, c.hrm1, 'hrm-1');
    expect(await s.click(c.hrm2, c.hrm2, 'hrm-2')).toEqual({ text: '这张审批卡片已由 王经理 于 2026-12-01 10:00 处理：已同意' });
    expect(await s.click(c.hrm1, c.hrm1, 'hrm-1')).toEqual({ text: '这张审批卡片已由 王经理 于 2026-12-01 10:00 处理：已同意' });
    expect(await t.db.approvalDecision.count()).toBe(1);
  });

  it('politely refuses a click by someone who is not the card\'s approver, changing nothing', async () => {
    const s = await setup();
    expect(await s.click(c.outsider, c.hrm1, 'out-1')).toEqual({ text: '这张审批卡片不是发给你的，无法代为处理' });
    // The right platform user id but another employee behind it (a forged or stale identity).
    expect(await s.click(c.hrm2, c.hrm1, 'hrm-1')).toEqual({ text: '这张审批卡片不是发给你的，无法代为处理' });
    expect(await s.click(undefined, c.hrm1, 'hrm-1')).toEqual({ text: '这张审批卡片不是发给你的，无法代为处理' });
    expect(await t.db.approvalDecision.count()).toBe(0);
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: s.approvalId } })).status).toBe('PENDING');
  });

  it('refuses unknown buttons, unknown cards and a card key clicked from another platform', async () => {
    const s = await setup();
    expect(await s.click(c.hrm1, c.hrm1, 'hrm-1', ONBOARDING_ARRIVED)).toEqual({ text: '无法识别的操作，请刷新卡片后重试' });
    expect(await decideApprovalFromCard(deps, { cardKey: 'apr-nope', actionId: APPROVAL_APPROVE, actor: c.hrm1.actor, platform: 'sandbox', platformUserId: 'hrm-1' })).toEqual({ text: '找不到这张审批卡片，可能已失效' });
    expect(await decideApprovalFromCard(deps, { cardKey: s.key(c.hrm1), actionId: APPROVAL_APPROVE, actor: c.hrm1.actor, platform: 'wecom', platformUserId: 'hrm-1' })).toEqual({ text: '找不到这张审批卡片，可能已失效' });
    expect(await t.db.approvalDecision.count()).toBe(0);
  });
});
