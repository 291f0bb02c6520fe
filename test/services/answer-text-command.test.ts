import { describe, expect, it } from 'vitest';
import { createBotRouter } from '../../src/bot/bot-router.ts';
import { listeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const router = createBotRouter(t.deps, listeners, createLogger('silent'));
const text = (deliveryId: string, operatorUserId: string, body: string) =>
  ({ kind: 'message.text' as const, platform: 'sandbox' as const, deliveryId, operatorUserId, receivedAt: new Date(), text: body });
const replies = (userId: string) => t.db.outboxMessage.findMany({ where: { recipients: { equals: [userId] } }, orderBy: { createdAt: 'asc' } });

describe('text commands in a 1:1 chat', () => {
  it('answers 待办 with the open cards addressed to the person, once per delivery', async () => {
    const { employee } = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '待办人', identities: { sandbox: 'todo-u' } });
    await t.db.cardInstance.create({
      data: { cardKey: 'k-1', platform: 'sandbox', type: 'onboarding.confirm', recipients: [{ userId: 'todo-u', employeeId: employee.id }], model: { title: '新员工到岗确认' } },
    });
    const event = text('d-1', 'todo-u', '待办');
    expect(await router.accept(event)).toBe(true);
    await router.handle(event);
    expect(await router.accept(event)).toBe(false);
    const sent = await replies('todo-u');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toEqual({ kind: 'text', text: '待办人，你有 1 张待处理的卡片：\n1. 新员工到岗确认' });
  });

  it('answers anything else with help, and an unknown account with how to get linked', async () => {
    await makeActor(t.deps, ['EMPLOYEE'], { identities: { sandbox: 'help-u' } });
    await router.handle(text('d-2', 'help-u', '你好'));
    expect(JSON.stringify((await replies('help-u'))[0]!.payload)).toContain('发送「待办」');
    await router.handle(text('d-3', 'ghost', '待办'));
    expect(JSON.stringify((await replies('ghost'))[0]!.payload)).toContain('尚未关联员工档案');
  });
});
