// Every DingTalk endpoint the app uses, against the fake that enforces DingTalk's limits.
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { dingtalkClientFor } from './platform-kit.ts';

const t = await createTestDb();
const fake = await startFakeDingtalkApiServer();
afterAll(() => fake.close());
const dingtalk = dingtalkClientFor(fake, t);
const DAY_MS = 86_400_000;

describe('access token', () => {
  it('is cached in the database and sent in the header (new host) and the query (old host)', async () => {
    await dingtalk.sendRobotMessage(['u1'], { msgKey: 'sampleText', msgParam: { content: '你好' } });
    fake.data.authCodes.set('auth-1', 'u1');
    await dingtalk.getUserIdByCode('auth-1');
    expect(fake.requestsTo('/v1.0/oauth2/accessToken')).toHaveLength(1);
    const token = (await t.db.platformToken.findFirstOrThrow({ where: { key: { startsWith: 'dingtalk:' } } })).value;
    expect(fake.requestsTo('/v1.0/robot/oToMessages/batchSend')[0]?.headers['x-acs-dingtalk-access-token']).toBe(token);
    expect(fake.requestsTo('/topapi/v2/user/getuserinfo')[0]?.query.access_token).toBe(token);
  });

  it('is refreshed once when either host rejects it', async () => {
    const before = fake.requestsTo('/v1.0/oauth2/accessToken').length;
    fake.failNext(1, 'expired-token', '/v1.0/robot/oToMessages/batchSend');
    await dingtalk.sendRobotMessage(['u2'], { msgKey: 'sampleText', msgParam: { content: 'a' } });
    fake.expireTokens();
    fake.data.authCodes.set('auth-2', 'u2');
    expect(await dingtalk.getUserIdByCode('auth-2')).toMatchObject({ userId: 'u2' });
    expect(fake.requestsTo('/v1.0/oauth2/accessToken').length - before).toBe(2);
  });
});

describe('cards and robot', () => {
  it('creates and delivers one card per outTrackId to each robot chat, then updates it', async () => {
    const params = { title: '新员工到岗确认', status: 'open' };
    await dingtalk.createAndDeliverCard({ outTrackId: 'card-1', userIds: ['m1', 'm2'], cardParamMap: params });
    await dingtalk.createAndDeliverCard({ outTrackId: 'card-1', userIds: ['m1', 'm2'], cardParamMap: params });
    const body = fake.requestsTo('/v1.0/card/instances/createAndDeliver')[0]?.body;
    expect(body).toMatchObject({
      cardTemplateId: fake.cardTemplateId,
      openSpaceId: 'dtv1.card//IM_ROBOT.m1;IM_ROBOT.m2',
      callbackType: 'STREAM',
      imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode: fake.robotCode },
    });
    expect(fake.cards.size).toBe(1);
    await dingtalk.updateCard({ outTrackId: 'card-1', cardParamMap: { status: 'decided' } });
    expect(fake.cards.get('card-1')?.params).toEqual({ title: '新员工到岗确认', status: 'decided' });
  });

  it('sends robot messages to 45 people in calls of at most 20', async () => {
    const users = Array.from({ length: 45 }, (_, i) => `r${i}`);
    await dingtalk.sendRobotMessage(users, { msgKey: 'sampleMarkdown', msgParam: { title: '提醒', text: '**请上传凭证**' } });
    const sizes = fake.requestsTo('/v1.0/robot/oToMessages/batchSend').slice(-3).map((r) => (r.body as { userIds: string[] }).userIds.length);
    expect(sizes).toEqual([20, 20, 5]);
    expect(fake.robotMessages.filter((m) => m.userId.startsWith('r'))).toHaveLength(45);
  });

  it('reports a missing robot code as a permanent error naming the variable', async () => {
    const noRobot = dingtalkClientFor(fake, t, { config: { clientId: fake.clientId, clientSecret: fake.clientSecret } });
    await expect(noRobot.sendRobotMessage(['x'], { msgKey: 'sampleText', msgParam: { content: 'x' } })).rejects.toMatchObject({
      retryable: false,
      errmsg: expect.stringContaining('DINGTALK_ROBOT_CODE'),
    });
  });
});

describe('attendance and directory', () => {
  it('pages attendance by 50 users, 7 days and 50 records', async () => {
    const users = Array.from({ length: 60 }, (_, i) => `a${i}`);
    const first = Date.parse('2026-03-02T00:00:00+08:00');
    for (let day = 0; day < 10; day++) {
      for (const u of users) fake.data.attendance.push({ userId: u, checkType: 'OnDuty', timeResult: 'Normal', userCheckTime: first + day * DAY_MS + 9 * 3600_000, workDate: first + day * DAY_MS });
    }
    const records = await dingtalk.getAttendance({ userIds: users, fromDay: '2026-03-02', toDay: '2026-03-11' });
    expect(records).toHaveLength(600);
    for (const r of fake.requestsTo('/attendance/list')) {
      const b = r.body as { userIdList: string[]; limit: number; workDateFrom: string; workDateTo: string };
      expect(b.userIdList.length).toBeLessThanOrEqual(50);
      expect(b.limit).toBeLessThanOrEqual(50);
      expect(Date.parse(b.workDateTo.replace(' ', 'T')) - Date.parse(b.workDateFrom.replace(' ', 'T'))).toBeLessThanOrEqual(7 * DAY_MS);
    }
  });

  it('walks departments from the root and pages their users', async () => {
    fake.data.departments.push({ dept_id: 10, name: '人事部', parent_id: 1 }, { dept_id: 11, name: '薪酬组', parent_id: 10 });
    for (let i = 0; i < 130; i++) fake.data.users.push({ userid: `d${i}`, name: `员工${i}`, job_number: `E${i}`, dept_id_list: [i < 100 ? 11 : 10] });
    const dir = await dingtalk.getDirectory();
    expect(dir.departments.map((d) => d.id)).toEqual(['1', '10', '11']);
    expect(dir.users).toHaveLength(130);
    expect(dir.users[0]).toMatchObject({ userId: expect.stringMatching(/^d/), employeeNo: expect.stringMatching(/^E/), active: true });
  });
});
