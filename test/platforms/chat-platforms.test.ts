// The ChatPlatform implementations the outbox calls: each must be safe to call again with the
// same card key or dedupe key, and an update must reach everyone who has the card.
import { afterAll, describe, expect, it } from 'vitest';
import { createDingtalkChatPlatform } from '../../src/platforms/dingtalk/dingtalk-chat-platform.ts';
import { createSandboxChatPlatform } from '../../src/platforms/sandbox/sandbox-chat-platform.ts';
import { createWecomChatPlatform } from '../../src/platforms/wecom/wecom-chat-platform.ts';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { dingtalkClientFor, testCard, wecomClientFor } from './platform-kit.ts';

const t = await createTestDb();
const wecomFake = await startFakeWecomServer();
const dingtalkFake = await startFakeDingtalkApiServer();
afterAll(() => Promise.all([wecomFake.close(), dingtalkFake.close()]));
const decision = { label: '已确认到岗', byName: '李人事', at: '2026-12-24T02:03:00.000Z' };

describe('WeCom', () => {
  const wecom = createWecomChatPlatform(wecomClientFor(wecomFake, t));

  it('sends a card once even when the send is repeated, with one response code per member', async () => {
    const sent = await wecom.sendCard(['hr1', 'hr2'], testCard('wc-1'));
    expect(Object.keys(sent.responseCodes ?? {})).toEqual(['hr1', 'hr2']);
    expect(await wecom.sendCard(['hr1', 'hr2'], testCard('wc-1'))).toEqual({});
    expect(wecomFake.deliveredTo('hr1').filter((d) => d.taskId === 'wc-1')).toHaveLength(1);
  });

  it('updates the card with the decided state and tolerates a code that was already used', async () => {
    const sent = await wecom.sendCard(['hr1', 'hr2'], testCard('wc-2'));
    await wecom.updateCard(['hr1', 'hr2'], testCard('wc-2', decision), sent.responseCodes ?? {});
    const update = wecomFake.cardUpdates.at(-1);
    expect(update?.userIds).toEqual(['hr1', 'hr2']);
    expect(update?.card).toMatchObject({ task_id: 'wc-2', card_type: 'text_notice', sub_title_text: expect.stringContaining('李人事') });
    await expect(wecom.updateCard(['hr1', 'hr2'], testCard('wc-2', decision), sent.responseCodes ?? {})).resolves.toBeUndefined();
    expect(wecomFake.cardUpdates.filter((u) => u.card && (u.card as { task_id?: string }).task_id === 'wc-2')).toHaveLength(1);
  });

  it('refuses a card that breaks WeCom limits as a permanent error', async () => {
    const tooMany = { ...testCard('wc-3'), buttons: Array.from({ length: 7 }, (_, i) => ({ kind: 'action' as const, actionId: `a${i}`, text: `按钮${i}`, style: 'default' as const })) };
    await expect(wecom.sendCard(['hr1'], tooMany)).rejects.toMatchObject({ errcode: 'bad_card', retryable: false });
  });
});

describe('DingTalk', () => {
  const dingtalk = createDingtalkChatPlatform(dingtalkClientFor(dingtalkFake, t));

  it('delivers one card per key and updates it by outTrackId', async () => {
    await dingtalk.sendCard(['m1', 'm2'], testCard('dc-1'));
    await dingtalk.sendCard(['m1', 'm2'], testCard('dc-1'));
    await dingtalk.updateCard(['m1', 'm2'], testCard('dc-1', decision), {});
    const card = dingtalkFake.cards.get('dc-1');
    expect(card).toMatchObject({ userIds: ['m1', 'm2'], createCalls: 2 });
    expect(card?.params).toMatchObject({ status: 'decided', decidedBy: '李人事' });
  });

  it('sends text through the robot', async () => {
    const sent = await dingtalk.sendText(['m3'], '请上传缴费凭证', 'text-1');
    expect(dingtalkFake.robotMessages.at(-1)).toEqual({ userId: 'm3', msgKey: 'sampleText', msgParam: { content: '请上传缴费凭证' }, processQueryKey: expect.any(String) });
    // The key robot/oToMessages/readStatus answers read state for.
    expect(sent).toEqual({ readQueryKeys: [dingtalkFake.robotMessages.at(-1)?.processQueryKey], invalid: [], flowControlled: [] });
  });
});

describe('sandbox', () => {
  const sandbox = createSandboxChatPlatform(t.db);

  it('stores one text per member per dedupe key', async () => {
    await sandbox.sendText(['s1', 's2'], '你好', 'greet-1');
    await sandbox.sendText(['s1', 's2'], '你好', 'greet-1');
    expect(await t.db.sandboxMessage.count({ where: { kind: 'text', direction: 'out' } })).toBe(2);
  });

  it('shows the decision on every copy of the card', async () => {
    await sandbox.sendCard(['s1', 's2'], testCard('sc-1'));
    await sandbox.sendCard(['s1', 's2'], testCard('sc-1'));
    await sandbox.updateCard(['s1', 's2'], testCard('sc-1', decision), {});
    const rows = await t.db.sandboxMessage.findMany({ where: { cardKey: 'sc-1' } });
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.body).toMatchObject({ card: { key: 'sc-1', decided: decision } });
  });
});
