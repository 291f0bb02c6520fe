// The exit endpoints through the real HTTP stack: HR runs the case, the employee reads and answers
// their own notice and gives notice of resignation; wrong roles, other people's cases, malformed
// and oversize bodies are refused with a Chinese message and change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { startAbsenceExitProcess } from '../../src/services/exits/start-absence-exit-process.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const now = new Date('2026-11-02T02:00:00.000Z');
const t = await createTestDb({ now: () => now });
const { request } = createTestApp(t);
const headers: Record<string, Record<string, string>> = {};
let processId = '';
let absentId = '';

beforeAll(async () => {
  const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李专员' });
  const staff = await makeActor(t.deps, ['EMPLOYEE'], { name: '赵员工' });
  const absent = await makeEmployee(t.deps, { name: '钱缺勤', identities: { sandbox: 'qian' } });
  absentId = absent.id;
  for (const [key, id] of Object.entries({ hr: hr.employee.id, staff: staff.employee.id, absent: absent.id })) {
    const { token } = await createSession(t.deps, { employeeId: id, platform: 'sandbox', method: 'test' });
    headers[key] = { Authorization: `Bearer ${token}`, 'User-Agent': 'wxwork/4.1' };
  }
  const c = await t.db.absenceCase.create({ data: { uniqueKey: `${absent.id}:x`, employeeId: absent.id, trigger: 'attendance', firstAbsentDay: new Date('2026-10-28T00:00:00Z'), lastCheckedDay: new Date('2026-10-30T00:00:00Z'), absentDays: 3, days: ['2026-10-28', '2026-10-29', '2026-10-30'], managerDueAt: now } });
  processId = (await t.db.$transaction((tx) => startAbsenceExitProcess(t.deps, tx, { employeeId: absent.id, absenceCaseId: c.id, actor: systemActor('test'), reason: 'sla_expired' }))).exitProcessId;
});

describe('exit routes', () => {
  it('refuses the employee and malformed bodies, then lets HR send the notice', async () => {
    expect((await request.post(`/api/v1/exits/${processId}/notices`).set(headers.staff!).send({})).status).toBe(403);
    const bad = await request.post(`/api/v1/exits/${processId}/notices`).set(headers.hr!).send({ round: 3 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify((await request.post('/api/v1/exits/not-a-uuid/notices').set(headers.hr!).send({})).body.error)).toContain('编号格式不正确');
    expect(await t.db.exitStep.count()).toBe(0);
    const res = await request.post(`/api/v1/exits/${processId}/notices`).set(headers.hr!).send({ round: 1 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ notice: 'return_notice_1', deadline: null }); // 待送达 until delivered
    const pending = await request.get(`/api/v1/exits/${processId}`).set(headers.hr!);
    expect(pending.body).toMatchObject({ deadline: null, deliveryPending: true, stateLabel: expect.stringContaining('待送达') });
    expect(pending.body.steps[0].delivery).toBe('待送达');
    expect((await request.post(`/api/v1/exits/${processId}/notices`).set(headers.hr!).send({})).status).toBe(409);
  });

  it('lets HR record an EMS delivery and refuses an oversize reference', async () => {
    const long = await request.post(`/api/v1/exits/${processId}/channels`).set(headers.hr!).send({ channel: 'ems', reference: 'x'.repeat(101), sentOn: '2026-11-02' });
    expect(long.status).toBe(400);
    const forged = await request.post(`/api/v1/exits/${processId}/channels`).set(headers.hr!).send({ channel: 'fax', reference: '1', sentOn: '2026-11-02' });
    expect(forged.status).toBe(400);
    const ok = await request.post(`/api/v1/exits/${processId}/channels`).set(headers.hr!).send({ channel: 'ems', reference: 'EMS1180123456789', sentOn: '2026-11-02' });
    expect(ok.status).toBe(201);
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id: processId } })).deadline).toBeNull();
    // Bad delivery days change nothing: malformed, before sending, in the future, or for 'other'.
    for (const body of [{ deliveredOn: '2026-13-01' }, { deliveredOn: '2026-11-01' }, { deliveredOn: '2026-11-03' }]) {
      expect((await request.post(`/api/v1/exits/${processId}/channels`).set(headers.hr!).send({ channel: 'ems', reference: 'EMS1180123456789', ...body })).status).toBe(400);
    }
    expect((await request.post(`/api/v1/exits/${processId}/channels`).set(headers.hr!).send({ channel: 'other', reference: '面交', sentOn: '2026-11-02', deliveredOn: '2026-11-02' })).status).toBe(400);
    expect((await request.post(`/api/v1/exits/${processId}/channels`).set(headers.hr!).send({ channel: 'ems', reference: 'EMS999', deliveredOn: '2026-11-02' })).status).toBe(400);
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id: processId } })).deadline).toBeNull();
    // The delivery recorded later for the same tracking number starts the deadline.
    const delivered = await request.post(`/api/v1/exits/${processId}/channels`).set(headers.hr!).send({ channel: 'ems', reference: 'EMS1180123456789', deliveredOn: '2026-11-02' });
    expect(delivered.status).toBe(201);
    expect(delivered.body.text).toContain('返岗期限 2026-11-05');
    expect((await request.post(`/api/v1/exits/${processId}/channels`).set(headers.hr!).send({ channel: 'ems', reference: 'EMS1180123456789', deliveredOn: '2026-11-02' })).status).toBe(409);
    const view = await request.get(`/api/v1/exits/${processId}`).set(headers.hr!);
    expect(view.body).toMatchObject({ deadline: '2026-11-05', deliveryPending: false });
    expect(view.body.steps[0].delivery).toBe('已送达（2026-11-02，邮政快递妥投）');
  });

  it('shows the notice to its employee only, records the read, takes the answer', async () => {
    expect((await request.get(`/api/v1/exits/${processId}/notice`).set(headers.staff!)).status).toBe(403);
    expect((await request.get(`/api/v1/exits/${processId}`).set(headers.staff!)).status).toBe(404);
    const view = await request.get(`/api/v1/exits/${processId}/notice`).set(headers.absent!);
    expect(view.status).toBe(200);
    expect(view.body.notices[0].paragraphs.join('')).toContain('第三十九条第（二）项');
    const step = await t.db.exitStep.findFirstOrThrow({ where: { processId } });
    expect(step.readUserAgent).toBe('wxwork/4.1');
    const pdf = await request.get(`/api/v1/exits/${processId}/documents/return_notice_1`).set(headers.absent!);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await request.get(`/api/v1/exits/${processId}/documents/return_notice_1`).set(headers.staff!)).status).toBe(404);
    expect((await request.post(`/api/v1/exits/${processId}/answer`).set(headers.absent!).send({ answer: 'MAYBE' })).status).toBe(400);
    const answer = await request.post(`/api/v1/exits/${processId}/answer`).set(headers.absent!).send({ answer: 'RETURN', returnOn: '2026-11-03' });
    expect(answer.status).toBe(200);
    const hrView = await request.get(`/api/v1/exits/${processId}`).set(headers.hr!);
    expect(hrView.status).toBe(200);
    expect(hrView.body.steps[0]).toMatchObject({ answer: 'RETURN', answerReturnOn: '2026-11-03', readAt: '2026-11-02 10:00' });
    // The chat sends a text with the H5 link and the PDF as a file message, then HR's EMS record.
    const channels: { channel: string; label: string }[] = hrView.body.steps[0].channels;
    expect(channels.map((ch) => ch.channel)).toEqual(['chat', 'chat', 'ems']); // the EMS record updated in place
    expect(channels.slice(0, 2).map((ch) => ch.label)).toEqual(['聊天消息（沙箱）', '通知书 PDF 文件（沙箱）']);
    expect(hrView.body.timeline.map((e: { type: string }) => e.type)).toContain('exit.employee_answered');
    expect(hrView.body.actions).toMatchObject({ markReturned: true, sendNotice: false });
    const returned = await request.post(`/api/v1/exits/${processId}/returned`).set(headers.hr!).send({ note: '已到岗' });
    expect(returned.status).toBe(200);
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: absentId } })).status).toBe('ACTIVE');
  });

  it('takes a resignation from the employee and lists it for HR', async () => {
    expect((await request.post('/api/v1/resignations').set(headers.staff!).send({ lastDay: '2026-12-02' })).status).toBe(400);
    const res = await request.post('/api/v1/resignations').set(headers.staff!).send({ lastDay: '2026-12-02', reason: '个人发展' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ noticeDays: 30, requiredDays: 30, warning: null });
    const list = await request.get('/api/v1/exits?kind=RESIGNATION').set(headers.hr!);
    expect(list.body.exits).toHaveLength(1);
    expect((await request.get('/api/v1/exits').set(headers.staff!)).body.exits).toHaveLength(1);
    expect((await request.get('/api/v1/exit-tasks?state=OPEN').set(headers.staff!)).status).toBe(403);
  });
});
