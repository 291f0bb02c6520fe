import { beforeEach, describe, expect, it } from 'vitest';
import { cardModelSchema } from '../../cards/card-model-schema.ts';
import { approvalSla } from '../../src/jobs/definitions/approval-sla.ts';
import { findJob } from '../../src/jobs/registry.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import { decideApproval } from '../../src/services/approvals/decide-approval.ts';
import { runApprovalSla } from '../../src/services/approvals/run-approval-sla.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { freshCompany, registerTestDefinitions, submit, type Company } from './approvals-kit.ts';
import { withAlertAudience } from '../helpers/alert-audience.ts';

const submittedAt = new Date('2026-12-01T02:00:00.000Z'); // 10:00 in Beijing
const hours = (n: number) => new Date(submittedAt.getTime() + n * 3_600_000);
let clock = submittedAt;
const t = await createTestDb({ now: () => clock });
registerTestDefinitions();
const { deps, outbox } = withRecordingOutbox(t.deps);
let c: Company;

beforeEach(async () => {
  clock = submittedAt;
  c = await freshCompany(deps);
  outbox.messages.length = 0;
});

const sweep = (asOf = '2026-12-31') => runApprovalSla(deps, { asOf });
const texts = () => outbox.messages.filter((m) => m.payload.kind === 'text').map((m) => [m.recipients[0], m.payload.kind === 'text' ? m.payload.text : '']);
const stepOf = async (approvalId: string) => t.db.approvalStep.findFirstOrThrow({ where: { approvalId, status: 'ACTIVE' } });

describe('runApprovalSla', () => {
  it('does nothing before the SLA', async () => {
    await submit(deps, c, 'test-any');
    outbox.messages.length = 0;
    clock = hours(23);
    expect(await sweep()).toEqual({ checked: 1, reminded: 0, escalated: 0, failed: 0 });
    expect(outbox.messages).toHaveLength(0);
  });

  it('reminds the approvers at +25 h, once per level', async () => {
    const { approvalId } = await submit(deps, c, 'test-any');
    outbox.messages.length = 0;
    clock = hours(25);
    expect(await sweep()).toEqual({ checked: 1, reminded: 1, escalated: 0, failed: 0 });
    expect(texts().map(([to]) => to).sort()).toEqual(['hrm-1', 'hrm-2']);
    expect(texts()[0]![1]).toBe(`审批提醒：「测试审批：张三」（人事经理审批）已等待超过24小时，请尽快处理：http://localhost:3000/app/todo/${approvalId}`);
    expect(await stepOf(approvalId)).toMatchObject({ remindedAt: clock, level: 0, escalatedAt: null });
    expect(await sweep()).toEqual({ checked: 1, reminded: 0, escalated: 0, failed: 0 });
    expect(await t.db.auditEvent.count({ where: { type: 'approval.reminded', data: { path: ['approvalId'], equals: approvalId } } })).toBe(1);
  });

  it('escalates at +49 h to the level-1 approvers: old cards show 已升级至, new cards go out', async () => {
    const { approvalId } = await submit(deps, c, 'test-any');
    clock = hours(25);
    await sweep();
    outbox.messages.length = 0;
    clock = hours(49);
    expect(await sweep()).toEqual({ checked: 1, reminded: 0, escalated: 1, failed: 0 });
    const step = await stepOf(approvalId);
    expect(step).toMatchObject({ level: 1, approverIds: [c.admin.employee.id], escalatedAt: clock });
    const cards = await t.db.cardInstance.findMany({ where: { subjectId: step.id }, orderBy: { createdAt: 'asc' } });
    expect(cards.map((x) => x.state).sort()).toEqual(['DECIDED', 'DECIDED', 'OPEN']);
    const closed = cards.filter((x) => x.state === 'DECIDED').map((x) => cardModelSchema.parse(x.model).decided);
    expect(closed.every((d) => d?.label === '已升级至 钱总' && d.byName === '系统')).toBe(true);
    expect(outbox.messages.map((m) => [m.payload.kind, m.recipients[0]]).sort()).toEqual([['card', 'admin-1'], ['card_update', 'hrm-1'], ['card_update', 'hrm-2']]);
    const fresh = outbox.messages.find((m) => m.payload.kind === 'card');
    expect(fresh?.payload.kind === 'card' && fresh.payload.card).toMatchObject({ subtitle: '李人事 提交 · 已超时升级至你审批', tone: 'urgent' });
    expect(fresh?.payload.kind === 'card' && fresh.payload.card.rows.at(-1)).toEqual({ label: '截止', value: '2026-12-04 11:00' });
    // The old approvers can no longer decide; the new one can.
    await expect(decideApproval(deps, { approvalId, decision: 'APPROVE', actor: c.hrm1.actor, channel: 'h5' })).rejects.toMatchObject({ code: 'forbidden' });
    // Same as-of again: nothing new.
    outbox.messages.length = 0;
    expect(await sweep()).toEqual({ checked: 1, reminded: 0, escalated: 0, failed: 0 });
    expect(outbox.messages).toHaveLength(0);
    expect(await decideApproval(deps, { approvalId, decision: 'APPROVE', actor: c.admin.actor, channel: 'h5' })).toMatchObject({ status: 'APPROVED' });
  });

  it('reminds once more, saying so, when no level is left to escalate to', async () => {
    const { approvalId } = await submit(deps, c, 'test-all');
    clock = hours(49);
    expect(await sweep()).toEqual({ checked: 1, reminded: 1, escalated: 0, failed: 0 });
    expect(texts()[0]![1]).toContain('已等待超过48小时，已无更高一级审批人可升级');
    expect(await sweep()).toEqual({ checked: 1, reminded: 0, escalated: 0, failed: 0 });
    expect((await stepOf(approvalId)).level).toBe(0);
  });

  it('never acts ahead of the clock: a past as-of caps "now" at the end of that day', async () => {
    await submit(deps, c, 'test-any');
    clock = hours(100);
    expect(await sweep('2026-12-01')).toMatchObject({ reminded: 0, escalated: 0 }); // ends 2026-12-02 00:00 Beijing = +14 h
    expect(await sweep('2026-12-02')).toMatchObject({ reminded: 1, escalated: 0 }); // +38 h
    expect(await sweep('2026-12-03')).toMatchObject({ reminded: 0, escalated: 1 }); // +62 h
  });

  it('walks every active step in bounded batches', async () => {
    await submit(deps, c, 'test-any');
    await submit(deps, c, 'test-two-step');
    await submit(deps, c, 'test-all');
    clock = hours(25);
    expect(await runApprovalSla(deps, { asOf: '2026-12-31', batchSize: 2 })).toEqual({ checked: 3, reminded: 3, escalated: 0, failed: 0 });
  });

  it('runs as the approval-sla job for an --as-of date with a one-line summary', async () => {
    await submit(deps, c, 'test-any');
    clock = hours(25);
    expect(findJob('approval-sla')).toBe(approvalSla);
    expect(approvalSla.cron).toBe('0 * * * *');
    const log = createLogger('silent');
    expect(await runJob(deps, approvalSla, { asOf: '2026-12-02', trigger: 'cli', log })).toBe('checked 1 active step(s); reminded 1, escalated 0');
    expect(await runJob(deps, approvalSla, { asOf: '2026-12-02', trigger: 'cli', log })).toBe('checked 1 active step(s); reminded 0, escalated 0');
  });
});

describe('the 审批超时 notification setting', () => {
  it('keeps the approvers as the reminder\'s recipients, adds the ticked HR specialists, and posts one card to the group', async () => {
    await withAlertAudience(t.db, 'approvalSla', { hrSpecialists: true, hrManagers: false, employeeManager: false, groupChatId: 'cidApprovals==' }, async () => {
      const { approvalId } = await submit(deps, c, 'test-any');
      outbox.messages.length = 0;
      clock = hours(25);
      expect(await sweep()).toEqual({ checked: 1, reminded: 1, escalated: 0, failed: 0 });
      expect(texts().map(([to]) => to).sort()).toEqual(['hr-1', 'hrm-1', 'hrm-2']);
      const group = outbox.messages.filter((m) => m.payload.kind === 'group');
      expect(group).toHaveLength(1);
      const card = group[0]?.payload.kind === 'group' ? group[0].payload.card : undefined;
      expect(group[0]).toMatchObject({ platform: 'sandbox', recipients: [], payload: { chatId: 'cidApprovals==' } });
      expect(card).toMatchObject({ title: '审批超时：测试审批：张三', subtitle: '人事经理审批已等待超过24小时', url: `http://localhost:3000/app/todo/${approvalId}` });
      expect(cardModelSchema.safeParse(card).success).toBe(true);
      expect(await sweep()).toEqual({ checked: 1, reminded: 0, escalated: 0, failed: 0 });
      expect(outbox.messages.filter((m) => m.payload.kind === 'group')).toHaveLength(1);
    });
  });

  it('adds nobody by default: only the approvers are reminded, as before the setting', async () => {
    await submit(deps, c, 'test-any');
    outbox.messages.length = 0;
    clock = hours(25);
    await sweep();
    expect(texts().map(([to]) => to).sort()).toEqual(['hrm-1', 'hrm-2']);
    expect(outbox.messages.filter((m) => m.payload.kind === 'group')).toHaveLength(0);
  });
});
