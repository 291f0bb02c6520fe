// Group chats (docs/notifications.md): an alert kind with a group chat gets exactly one group
// message per alert, in the shape each platform documents (WeCom appchat/send, DingTalk
// robot/groupMessages/send), once even after a 5xx, and held by quiet hours like the cards.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { enrolmentDeadlineSweep } from '../../src/jobs/definitions/enrolment-deadline-sweep.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { NOTIFICATION_PREFERENCES_KEY, defaultNotificationPreferences, type QuietHours } from '../../src/domain/notifications/notification-preferences.ts';
import { createLogger } from '../../src/log.ts';
import type { Platform } from '../../src/generated/prisma/client.ts';
import { createDingtalkChatPlatform } from '../../src/platforms/dingtalk/dingtalk-chat-platform.ts';
import { createWecomChatPlatform } from '../../src/platforms/wecom/wecom-chat-platform.ts';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { dingtalkClientFor, wecomClientFor } from '../platforms/platform-kit.ts';
import { QUICK_RETRY, sleep, startWorkers, waitFor } from './outbox-kit.ts';
import { clearAlertState } from '../helpers/alert-audience.ts';

let clock = new Date('2026-12-11T02:00:00Z'); // 10:00 in Shanghai
const t = await createTestDb({ now: () => clock, retry: QUICK_RETRY });
const log = createLogger('silent');
const wecom = await startFakeWecomServer();
const dingtalk = await startFakeDingtalkApiServer();
afterAll(() => Promise.all([wecom.close(), dingtalk.close()]));
await startWorkers(t, {
  wecom: createWecomChatPlatform(wecomClientFor(wecom, t), { timeZone: 'Asia/Shanghai' }),
  dingtalk: createDingtalkChatPlatform(dingtalkClientFor(dingtalk, t), { timeZone: 'Asia/Shanghai' }),
});
const WECOM_CHAT = 'wrkSFfCgAAhrgroup';
const DING_GROUP = 'cidHrGroup0001==';
wecom.appChats.add(WECOM_CHAT);
dingtalk.robotGroups.add(DING_GROUP);

beforeEach(async () => {
  await clearAlertState(t.db);
  wecom.groupMessages.length = 0;
  dingtalk.groupMessages.length = 0;
  clock = new Date('2026-12-11T02:00:00Z');
});

/** An HR specialist on both platforms, a hire whose first enrolment reminder is due on 2026-12-11. */
async function setup(groupChatId: string, quietHours?: QuietHours) {
  await makeEmployee(t.deps, { name: '李专员', roles: ['HR_SPECIALIST'], identities: { wecom: 'hr-s', dingtalk: 'hr-s-ding' }, enrolledOn: '2026-01-05' });
  const hire = await makeEmployee(t.deps, { name: '张三', status: 'ONBOARDING', startDate: '2026-11-20' });
  const kinds = { ...defaultNotificationPreferences.kinds, enrolment: { ...defaultNotificationPreferences.kinds.enrolment, groupChatId } };
  await t.db.appMeta.create({ data: { key: NOTIFICATION_PREFERENCES_KEY, value: JSON.stringify({ kinds, quietHours: quietHours ?? defaultNotificationPreferences.quietHours }) } });
  return hire;
}

const sweep = (platforms: Platform[]) => runJob({ ...t.deps, chatPlatforms: platforms }, enrolmentDeadlineSweep, { asOf: '2026-12-11', trigger: 'cli', log });
const groupRows = () => t.db.outboxMessage.findMany({ where: { kind: 'group' }, orderBy: { createdAt: 'asc' } });
const allSent = () => waitFor('every message sent', async () => (await t.db.outboxMessage.count({ where: { status: { not: 'SENT' } } })) === 0);

describe('WeCom appchat', () => {
  it('posts one textcard per alert to the group (and none on DingTalk), with the card content and a 详情 link; a rerun posts nothing', async () => {
    const hire = await setup(WECOM_CHAT);
    await sweep(['wecom', 'dingtalk']);
    await sweep(['wecom', 'dingtalk']);
    expect(await groupRows()).toHaveLength(1);
    await allSent();
    await sleep(500);
    const bodies = wecom.requestsTo('/cgi-bin/appchat/send').map((r) => r.body as Record<string, unknown>);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toEqual({
      chatid: WECOM_CHAT, msgtype: 'textcard', safe: 0,
      textcard: { title: '社保增员提醒', description: expect.stringContaining('<div class="normal">姓名：张三</div>'), url: `http://localhost:3000/app/enrolment?employee=${hire.id}`, btntxt: '详情' },
    });
    const description = String((bodies[0]?.textcard as { description: string }).description);
    expect(Buffer.byteLength(description)).toBeLessThanOrEqual(512);
    expect(description).toContain('第五十八条'); // the legal basis survives the cut to 512 bytes
    expect(wecom.groupMessages).toHaveLength(1);
    expect(dingtalk.requestsTo('/v1.0/robot/groupMessages/send')).toHaveLength(0);
    // The personal cards still go to the specialist on both platforms.
    expect(wecom.deliveredTo('hr-s').filter((d) => d.msgtype === 'template_card')).toHaveLength(1);
  });

  it('retries after a 5xx and posts once', async () => {
    await setup(WECOM_CHAT);
    const before = wecom.requestsTo('/cgi-bin/appchat/send').length;
    wecom.failNext(1, '5xx', '/cgi-bin/appchat/send');
    await sweep(['wecom']);
    await allSent();
    await sleep(500);
    expect(wecom.requestsTo('/cgi-bin/appchat/send').length - before).toBe(2);
    expect(wecom.groupMessages).toHaveLength(1);
    expect((await groupRows())[0]).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('never posts twice when the answer was lost after WeCom posted: the message goes to the dead letters for HR to check', async () => {
    await setup(WECOM_CHAT);
    wecom.failNext(1, 'answer-lost', '/cgi-bin/appchat/send');
    await sweep(['wecom']);
    await waitFor('group message dead', async () => (await groupRows())[0]?.status === 'DEAD', 30_000);
    expect(wecom.groupMessages).toHaveLength(1);
  });
});

describe('DingTalk group robot', () => {
  it('posts one sampleActionCard per alert with the robot code and the openConversationId; a 5xx does not double it', async () => {
    const hire = await setup(DING_GROUP);
    dingtalk.failNext(1, '5xx', '/v1.0/robot/groupMessages/send');
    await sweep(['dingtalk']);
    await sweep(['dingtalk']);
    await allSent();
    await sleep(500);
    const bodies = dingtalk.requestsTo('/v1.0/robot/groupMessages/send').map((r) => r.body as Record<string, unknown>);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual({ robotCode: dingtalk.robotCode, openConversationId: DING_GROUP, msgKey: 'sampleActionCard', msgParam: expect.any(String) });
    expect(JSON.parse(String(bodies[1]?.msgParam))).toEqual({
      title: '社保增员提醒', text: expect.stringContaining('姓名：张三'), singleTitle: '详情', singleURL: `http://localhost:3000/app/enrolment?employee=${hire.id}`,
    });
    expect(dingtalk.groupMessages).toHaveLength(1);
  });
});

describe('quiet hours', () => {
  it('holds the group message with the cards until the quiet hours end', async () => {
    clock = new Date('2026-12-11T15:00:00Z'); // 23:00 in Shanghai, days before the legal deadline
    await setup(WECOM_CHAT, { enabled: true, start: '22:00', end: '08:00' });
    await sweep(['wecom']);
    const rows = await t.db.outboxMessage.findMany({ select: { kind: true, availableAt: true, status: true } });
    expect(rows.map((r) => r.kind).sort()).toEqual(['card', 'group']);
    for (const r of rows) expect(r).toMatchObject({ availableAt: new Date('2026-12-12T00:00:00Z'), status: 'PENDING' });
    await sleep(2500);
    expect(wecom.groupMessages).toHaveLength(0);
  });
});
