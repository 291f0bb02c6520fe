// Every WeCom endpoint the app uses, against the fake that enforces WeCom's limits.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { wecomClientFor } from './platform-kit.ts';

const t = await createTestDb();
const fake = await startFakeWecomServer();
afterAll(() => fake.close());
const wecom = wecomClientFor(fake, t);

describe('message/send', () => {
  it('sends text with the duplicate check on, so a retried text reaches the member once', async () => {
    await wecom.send(['zhangsan', 'lisi'], { msgtype: 'text', text: { content: '请上传本月缴费凭证' } });
    await wecom.send(['zhangsan', 'lisi'], { msgtype: 'text', text: { content: '请上传本月缴费凭证' } });
    const body = fake.requestsTo('/cgi-bin/message/send')[0]?.body;
    expect(body).toMatchObject({ touser: 'zhangsan|lisi', agentid: fake.agentId, enable_duplicate_check: 1, duplicate_check_interval: 14400 });
    expect(fake.deliveredTo('zhangsan')).toHaveLength(1);
  });

  it('cuts text over 2048 bytes at a character boundary instead of failing', async () => {
    await wecom.send(['long'], { msgtype: 'markdown', markdown: { content: '社保'.repeat(600) } });
    const content = String(fake.deliveredTo('long')[0]?.message.content);
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(2048);
    expect(content.endsWith('社保…') || content.endsWith('社…')).toBe(true);
  });

  it('returns the response_code of an interactive card and refuses a reused task_id', async () => {
    const card = { card_type: 'button_interaction', task_id: 'task-1', main_title: { title: 't' }, button_list: [{ text: '确认', key: 'k' }] };
    const res = await wecom.send(['u1'], { msgtype: 'template_card', template_card: card });
    expect(res.response_code).toMatch(/^rc-/);
    await expect(wecom.send(['u1'], { msgtype: 'template_card', template_card: card })).rejects.toMatchObject({ errcode: '42014', retryable: false });
  });

  it('updates a card once per response_code', async () => {
    const card = { card_type: 'button_interaction', task_id: 'task-2', main_title: { title: 't' }, button_list: [{ text: '确认', key: 'k' }] };
    const { response_code } = await wecom.send(['u1', 'u2'], { msgtype: 'template_card', template_card: card });
    await wecom.updateTemplateCard({ userIds: ['u1', 'u2'], responseCode: response_code as string, replaceName: '已确认' });
    expect(fake.cardUpdates.at(-1)).toMatchObject({ userIds: ['u1', 'u2'], card: { replace_name: '已确认' } });
    await expect(wecom.updateTemplateCard({ userIds: ['u1'], responseCode: response_code as string, replaceName: 'x' })).rejects.toMatchObject({ errcode: '40058' });
  });

  it('waits and retries when WeCom is busy (-1) or rate limits (45009)', async () => {
    fake.answerNext(1, '/cgi-bin/message/send', { body: { errcode: -1, errmsg: 'system busy' } });
    fake.answerNext(1, '/cgi-bin/message/send', { body: { errcode: 45009, errmsg: 'api freq out of limit' } });
    await wecom.send(['busy'], { msgtype: 'text', text: { content: '忙' } });
    expect(fake.deliveredTo('busy')).toHaveLength(1);
  });

  it('turns 5xx and timeouts into retryable errors', async () => {
    fake.failNext(1, '5xx', '/cgi-bin/message/send');
    await expect(wecom.send(['x'], { msgtype: 'text', text: { content: 'a' } })).rejects.toMatchObject({ errcode: '502', retryable: true });
    fake.failNext(1, 'timeout', '/cgi-bin/message/send');
    await expect(wecomClientFor(fake, t, { timeoutMs: 200 }).send(['x'], { msgtype: 'text', text: { content: 'b' } })).rejects.toMatchObject({ errcode: 'timeout', retryable: true });
  });
});

describe('other APIs', () => {
  it('uploads a file as multipart field media', async () => {
    const mediaId = await wecom.uploadMedia({ type: 'file', filename: '返岗通知书.pdf', content: Buffer.from('%PDF-1.7 fake') });
    expect(mediaId).toMatch(/^media-/);
    expect(fake.uploads.at(-1)?.type).toBe('file');
  });

  it('resolves an OAuth code once, and refuses a non-member', async () => {
    fake.addOauthCode('code-1', 'zhangsan');
    fake.addOauthCode('code-2', 'openid:o123');
    expect(await wecom.getUserIdByCode('code-1')).toBe('zhangsan');
    await expect(wecom.getUserIdByCode('code-1')).rejects.toMatchObject({ errcode: '40029', retryable: false });
    await expect(wecom.getUserIdByCode('code-2')).rejects.toMatchObject({ errcode: 'not_member' });
  });

  it('signs the JS-SDK config with cached corp and agent tickets', async () => {
    const url = 'https://hr.example.com/app/sign?x=1#/page';
    const a = await wecom.getJsApiConfig(url);
    await wecom.getJsApiConfig(url);
    expect(fake.requestsTo('/cgi-bin/get_jsapi_ticket')).toHaveLength(1);
    expect(fake.requestsTo('/cgi-bin/ticket/get')).toHaveLength(1);
    const ticket = (await t.db.platformToken.findFirstOrThrow({ where: { key: { startsWith: 'wecom:jsapi_ticket:corp' } } })).value;
    const expected = createHash('sha1').update(`jsapi_ticket=${ticket}&noncestr=${a.corp.nonceStr}&timestamp=${a.corp.timestamp}&url=https://hr.example.com/app/sign?x=1`).digest('hex');
    expect(a.corp).toMatchObject({ corpId: fake.corpId, signature: expected });
    expect(a.agent).toMatchObject({ agentId: fake.agentId });
    expect(a.agent.signature).not.toBe(a.corp.signature);
  });

  it('splits check-in queries into at most 100 users and 30 days per call', async () => {
    const users = Array.from({ length: 250 }, (_, i) => `emp${i}`);
    const from = new Date('2026-01-01T00:00:00+08:00');
    const to = new Date('2026-03-06T23:59:59+08:00'); // 65 days
    for (const u of ['emp0', 'emp149', 'emp249']) {
      fake.checkins.push({ userid: u, checkin_type: '上班打卡', exception_type: '', checkin_time: from.getTime() / 1000 + 86_400 * 40 });
    }
    const records = await wecom.getCheckins({ userIds: users, from, to });
    const calls = fake.requestsTo('/cgi-bin/checkin/getcheckindata').map((r) => r.body as { useridlist: string[]; starttime: number; endtime: number });
    expect(calls).toHaveLength(9); // 3 user chunks × 3 windows
    for (const c of calls) {
      expect(c.useridlist.length).toBeLessThanOrEqual(100);
      expect(c.endtime - c.starttime).toBeLessThanOrEqual(30 * 86_400);
    }
    expect(records.map((r) => r.userid).sort()).toEqual(['emp0', 'emp149', 'emp249']);
  });

  it('reads the visible directory from each root department', async () => {
    fake.directory.departments.push({ id: 2, name: '研发部', parentid: 1 }, { id: 3, name: '后端组', parentid: 2 });
    fake.directory.users.push(
      { userid: 'a', name: '张三', mobile: '13900000001', department: [3], status: 1 },
      { userid: 'b', name: '李四', department: [1, 2], status: 5 },
    );
    const dir = await wecom.getDirectory();
    expect(dir.departments).toContainEqual({ id: '3', name: '后端组', parentId: '2' });
    expect(dir.users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: 'a', mobile: '13900000001', departmentIds: ['3'], active: true }),
        expect.objectContaining({ userId: 'b', active: false }),
      ]),
    );
    expect(dir.users).toHaveLength(2);
  });
});
