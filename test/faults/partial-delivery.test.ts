// A send the platform answers only in part is not a delivery for everyone: members DingTalk
// flow-controlled get the message in a later round (and only they), members a platform does not
// know become dead letters naming the employee, and the rest count as delivered.
import { afterAll, describe, expect, it } from 'vitest';
import { deliverOutboxMessage } from '../../src/outbox/deliver-outbox-message.ts';
import { FLOW_CONTROLLED, UNDELIVERED_REASONS, flowControlDelayMs } from '../../src/outbox/partial-delivery.ts';
import { createDingtalkChatPlatform } from '../../src/platforms/dingtalk/dingtalk-chat-platform.ts';
import { PlatformApiError } from '../../src/platforms/platform-api-error.ts';
import { createWecomChatPlatform } from '../../src/platforms/wecom/wecom-chat-platform.ts';
import { listDeadLetters } from '../../src/services/dead-letters/list-dead-letters.ts';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { makeEmployee, testAdmin } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { enqueueCommitted } from '../outbox/outbox-kit.ts';
import { dingtalkClientFor, testCard, wecomClientFor } from '../platforms/platform-kit.ts';

const t = await createTestDb();
const dingtalk = await startFakeDingtalkApiServer();
const wecom = await startFakeWecomServer();
afterAll(() => Promise.all([dingtalk.close(), wecom.close()]));
let clock = new Date('2026-12-07T02:00:00Z');
const platforms = {
  dingtalk: createDingtalkChatPlatform(dingtalkClientFor(dingtalk, t)),
  wecom: createWecomChatPlatform(wecomClientFor(wecom, t)),
};
const deps = { db: t.db, platforms, now: () => clock };
const row = (dedupeKey: string) => t.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey } });
const textsTo = (userId: string, text: string) => dingtalk.robotMessages.filter((m) => m.userId === userId && (m.msgParam as { content?: string }).content === text);
const isFlowControlled = (e: unknown) => e instanceof PlatformApiError && e.errcode === FLOW_CONTROLLED && e.retryable;

describe('partial deliveries', () => {
  it('DingTalk flow-controls 2 of 5: they get it on a later round, the other 3 exactly once', async () => {
    const text = '请于本周五前确认本月社保缴费基数';
    const to = ['fc0', 'fc1', 'fc2', 'fc3', 'fc4'];
    dingtalk.flowControlOnce.add('fc1').add('fc3');
    await enqueueCommitted(t, { dedupeKey: 'partial-flow', platform: 'dingtalk', recipients: to, payload: { kind: 'text', text } });
    const { id } = await row('partial-flow');

    await expect(deliverOutboxMessage(deps, id)).rejects.toSatisfy(isFlowControlled);
    const pending = await row('partial-flow');
    expect(pending.status).toBe('PENDING');
    // The journal on the row names them: with the batch (crash-safe) and as the next round's recipients.
    expect(pending.result).toMatchObject({ round: 1, retryRecipients: ['fc1', 'fc3'], batches: { 0: { flowControlled: ['fc1', 'fc3'], invalid: [] } } });
    for (const u of ['fc0', 'fc2', 'fc4']) expect(textsTo(u, text)).toHaveLength(1);
    for (const u of ['fc1', 'fc3']) expect(textsTo(u, text)).toHaveLength(0);

    // A retry inside the flow-control wait sends nothing.
    const calls = dingtalk.requestsTo('/v1.0/robot/oToMessages/batchSend').length;
    clock = new Date(clock.getTime() + 10_000);
    await expect(deliverOutboxMessage(deps, id)).rejects.toSatisfy(isFlowControlled);
    expect(dingtalk.requestsTo('/v1.0/robot/oToMessages/batchSend')).toHaveLength(calls);

    clock = new Date(clock.getTime() + flowControlDelayMs(1));
    expect(await deliverOutboxMessage(deps, id)).toBe('sent');
    const retry = dingtalk.requestsTo('/v1.0/robot/oToMessages/batchSend').slice(calls);
    expect(retry.map((r) => (r.body as { userIds: string[] }).userIds)).toEqual([['fc1', 'fc3']]);
    for (const u of to) expect(textsTo(u, text)).toHaveLength(1);
    const sent = await row('partial-flow');
    expect(sent.status).toBe('SENT');
    // Both rounds' read-query keys, so the read-status job sees every member.
    expect((sent.result as { readQueryKeys: string[] }).readQueryKeys).toHaveLength(2);
  });

  it('a member DingTalk does not know becomes a dead letter naming the employee; the others are delivered', async () => {
    const employee = await makeEmployee(t.deps, { name: '钱多多' });
    await t.db.platformIdentity.create({ data: { platform: 'dingtalk', userId: 'ghost01', employeeId: employee.id } });
    dingtalk.invalidUsers.add('ghost01');
    const text = '您的社保增员已办理完成';
    await enqueueCommitted(t, { dedupeKey: 'partial-invalid', platform: 'dingtalk', recipients: ['iv0', 'ghost01', 'iv2'], payload: { kind: 'text', text } });
    expect(await deliverOutboxMessage(deps, (await row('partial-invalid')).id)).toBe('sent');
    expect(textsTo('iv0', text)).toHaveLength(1);
    expect(textsTo('iv2', text)).toHaveLength(1);

    const dead = await listDeadLetters(t.deps, { actor: testAdmin, limit: 100 });
    const letter = dead.items.find((i) => i.dedupeKey.startsWith('partial-invalid'));
    expect(letter).toMatchObject({ recipients: ['ghost01'], recipientNames: ['钱多多'], title: text, lastError: UNDELIVERED_REASONS.invalid });
    expect(dead.items.filter((i) => i.dedupeKey.startsWith('partial-invalid'))).toHaveLength(1);
  });

  it('WeCom invaliduser: a dead letter for that member, the message sent to the rest', async () => {
    wecom.invalidUsers.add('wghost');
    await enqueueCommitted(t, { dedupeKey: 'partial-wecom', platform: 'wecom', recipients: ['wok1', 'wghost'], payload: { kind: 'text', text: '请查看本月考勤异常' } });
    expect(await deliverOutboxMessage(deps, (await row('partial-wecom')).id)).toBe('sent');
    expect(wecom.deliveredTo('wok1')).toHaveLength(1);
    const letter = await row('partial-wecom#undelivered:wghost');
    expect(letter).toMatchObject({ status: 'DEAD', recipients: ['wghost'], lastError: UNDELIVERED_REASONS.invalid });
  });

  it('WeCom template card: invaliduser and unlicenseduser each a dead letter naming the employee; the card reaches the rest once', async () => {
    const employee = await makeEmployee(t.deps, { name: '孙晓燕' });
    await t.db.platformIdentity.create({ data: { platform: 'wecom', userId: 'wcghost', employeeId: employee.id } });
    wecom.invalidUsers.add('wcghost');
    wecom.unlicensedUsers.add('wcnolic');
    const card = testCard('partial-wecom-card');
    await enqueueCommitted(t, { dedupeKey: 'card:partial-wecom-card', platform: 'wecom', recipients: ['wcok', 'wcghost', 'wcnolic'], payload: { kind: 'card', card } });
    expect(await deliverOutboxMessage(deps, (await row('card:partial-wecom-card')).id)).toBe('sent');
    expect(wecom.deliveredTo('wcok').filter((d) => d.taskId === card.key)).toHaveLength(1);
    expect(wecom.deliveredTo('wcnolic')).toHaveLength(0);

    const dead = await listDeadLetters(t.deps, { actor: testAdmin, limit: 100 });
    const letters = dead.items.filter((i) => i.dedupeKey.startsWith('card:partial-wecom-card'));
    expect(letters).toHaveLength(2);
    expect(letters.find((i) => i.recipients[0] === 'wcghost')).toMatchObject({ recipientNames: ['孙晓燕'], lastError: UNDELIVERED_REASONS.invalid });
    expect(letters.find((i) => i.recipients[0] === 'wcnolic')).toMatchObject({ lastError: UNDELIVERED_REASONS.unlicensed });
    // Only the member who got the card can have it updated.
    const instance = await t.db.cardInstance.findUniqueOrThrow({ where: { cardKey: card.key } });
    expect(Object.keys(instance.responseCodes as object)).toEqual(['wcok']);
    // A retry (the card's task_id is used) sends nothing again and adds no dead letter.
    await t.db.outboxMessage.update({ where: { dedupeKey: 'card:partial-wecom-card' }, data: { status: 'PENDING' } });
    expect(await deliverOutboxMessage(deps, (await row('card:partial-wecom-card')).id)).toBe('sent');
    expect(wecom.deliveredTo('wcok').filter((d) => d.taskId === card.key)).toHaveLength(1);
    expect(await t.db.outboxMessage.count({ where: { dedupeKey: { startsWith: 'card:partial-wecom-card#' } } })).toBe(2);
  });

  it('a member flow-controlled on every round leaves the message dead listing only the ones still owed', async () => {
    dingtalk.flowControlOnce.add('st1');
    await enqueueCommitted(t, { dedupeKey: 'partial-stuck', platform: 'dingtalk', recipients: ['st0', 'st1'], payload: { kind: 'text', text: '到期提醒' } });
    const { id } = await row('partial-stuck');
    await expect(deliverOutboxMessage(deps, id)).rejects.toSatisfy(isFlowControlled);
    // The outbox's retries run out (pg-boss moves the job to the dead letters): only st1 is owed.
    await t.db.outboxMessage.update({ where: { id }, data: { status: 'DEAD' } });
    const dead = await listDeadLetters(t.deps, { actor: testAdmin, limit: 100 });
    expect(dead.items.find((i) => i.id === id)).toMatchObject({ recipients: ['st1'], lastError: expect.stringContaining('限流') });
  });
});
