// Employee questions and complaints end to end: asked from the H5 API or the bot, HR's card,
// HR's answer reaching the employee once, the escalation after the answer time, the count the
// KPIs read, and refusals (wrong role, someone else's question, bad bodies) that change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CardModel } from '../../cards/card-model.ts';
import { createBotRouter } from '../../src/bot/bot-router.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { parseQuestionText } from '../../src/domain/questions/employee-question.ts';
import { listeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { countComplaints } from '../../src/services/questions/count-complaints.ts';
import { escalateOverdueQuestions } from '../../src/services/questions/escalate-overdue-questions.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { withAlertAudience } from '../helpers/alert-audience.ts';

// Monday 2026-12-07, 10:00 in Shanghai: the answer time ends Thursday 2026-12-10.
const now = new Date('2026-12-07T02:00:00.000Z');
const t = await createTestDb({ now: () => now });
const { request } = createTestApp(t);
const router = createBotRouter(t.deps, listeners, createLogger('silent'));
const headers: Record<string, Record<string, string>> = {};
const payloadsTo = async (userId: string) => (await t.db.outboxMessage.findMany({ where: { recipients: { array_contains: [userId] } }, orderBy: { createdAt: 'asc' } }))
  .map((m) => JSON.parse(JSON.stringify(m.payload)) as { kind: string; text?: string; card?: CardModel });
const snapshot = async () => JSON.stringify([await t.db.employeeQuestion.findMany({ orderBy: { id: 'asc' } }), await t.db.outboxMessage.count()]);

beforeAll(async () => {
  const people = {
    hr: await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林人事', identities: { sandbox: 'q-hr' } }),
    hrm: await makeActor(t.deps, ['HR_MANAGER'], { name: '王经理', identities: { sandbox: 'q-hrm' } }),
    emp: await makeActor(t.deps, ['EMPLOYEE'], { name: '张三', department: '研发部', identities: { sandbox: 'q-emp' } }),
    other: await makeActor(t.deps, ['EMPLOYEE'], { name: '李四', identities: { sandbox: 'q-other' } }),
  };
  for (const [key, p] of Object.entries(people)) {
    const { token } = await createSession(t.deps, { employeeId: p.employee.id, platform: 'sandbox', method: 'test' });
    headers[key] = { Authorization: `Bearer ${token}`, 'User-Agent': 'wxwork/4.1' };
  }
});

describe('questions and complaints', () => {
  it('takes a complaint from the H5, sends HR a card, and delivers the answer to the employee once', async () => {
    const asked = await request.post('/api/v1/questions').set(headers.emp!).send({ kind: 'COMPLAINT', text: '入职一个多月了，社保还没交' });
    expect(asked.status).toBe(201);
    expect(asked.body.dueOn).toBe('2026-12-10');
    const card = (await payloadsTo('q-hr')).find((p) => p.card?.type === 'question.asked')!.card!;
    expect(card).toMatchObject({ title: '员工社保投诉', subtitle: '张三（研发部）', url: `http://localhost:3000/app/questions/${asked.body.id}` });

    // Someone else's question is not theirs to read; an employee may not answer.
    expect((await request.get(`/api/v1/questions/${asked.body.id}`).set(headers.other!)).status).toBe(404);
    const before = await snapshot();
    const refused = await request.post(`/api/v1/questions/${asked.body.id}/answer`).set(headers.emp!).send({ answer: '我自己答复' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('答复员工的社保咨询和投诉');
    expect((await request.post(`/api/v1/questions/${asked.body.id}/answer`).set(headers.hr!).send({ answer: '' })).status).toBe(400);
    expect(await snapshot()).toBe(before);

    const answered = await request.post(`/api/v1/questions/${asked.body.id}/answer`).set(headers.hr!).send({ answer: '已于今日补办增员，本月起缴纳。' });
    expect([answered.status, answered.body]).toEqual([200, { state: 'ANSWERED' }]);
    const again = await request.post(`/api/v1/questions/${asked.body.id}/answer`).set(headers.hrm!).send({ answer: '再答一次' });
    expect(again.status).toBe(409);
    const texts = (await payloadsTo('q-emp')).filter((p) => p.kind === 'text').map((p) => p.text!);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('已于今日补办增员，本月起缴纳。');
    expect((await payloadsTo('q-hr')).find((p) => p.kind === 'card_update')?.card?.decided).toMatchObject({ label: '已答复', byName: '林人事' });
    const mine = await request.get('/api/v1/questions').set(headers.emp!);
    expect(mine.body.items).toMatchObject([{ id: asked.body.id, stateLabel: '已答复', answer: '已于今日补办增员，本月起缴纳。', canAnswer: false, employee: null }]);
    expect(await t.db.auditEvent.count({ where: { subjectId: asked.body.id, type: { in: ['question.asked', 'question.answered'] } } })).toBe(2);
  });

  it('takes a question typed to the bot and escalates it to the HR managers once the answer time has passed', async () => {
    const event = { kind: 'message.text' as const, platform: 'sandbox' as const, deliveryId: 'q-bot-1', operatorUserId: 'q-other', receivedAt: now, text: '我的社保怎么没交？' };
    await router.accept(event);
    expect((await router.handle(event))?.text).toBe('已收到你的社保咨询，人事会在 2026-12-10 前答复你，答复会发到这里。');
    const q = await t.db.employeeQuestion.findFirstOrThrow({ where: { channel: 'sandbox' } });
    expect(q).toMatchObject({ kind: 'QUESTION', text: '我的社保怎么没交？', state: 'OPEN' });

    const actor = systemActor('job:question-sla');
    expect(await escalateOverdueQuestions(t.deps, { asOf: '2026-12-10', actor })).toEqual({ escalated: 0 });
    expect(await escalateOverdueQuestions(t.deps, { asOf: '2026-12-11', actor })).toEqual({ escalated: 1 });
    expect(await escalateOverdueQuestions(t.deps, { asOf: '2026-12-11', actor })).toEqual({ escalated: 0 });
    expect((await payloadsTo('q-hrm')).filter((p) => p.card?.type === 'question.escalated')).toHaveLength(1);
    expect((await payloadsTo('q-hr')).filter((p) => p.card?.type === 'question.escalated')).toHaveLength(0);
    expect((await t.db.employeeQuestion.findUniqueOrThrow({ where: { id: q.id } })).state).toBe('ESCALATED');
  });

  it('counts complaints by Shanghai month and department with its sub-departments', async () => {
    const rd = await t.db.department.findUniqueOrThrow({ where: { name: '研发部' } });
    const child = await t.db.department.create({ data: { name: '研发部-后端组', parentId: rd.id } });
    const emp = await t.db.employee.findFirstOrThrow({ where: { name: '张三' } });
    const base = { employeeId: emp.id, kind: 'COMPLAINT', text: '投诉', channel: 'h5', dueOn: new Date('2026-12-10') };
    await t.db.employeeQuestion.createMany({ data: [
      { ...base, departmentId: child.id, createdAt: new Date('2026-11-30T16:30:00Z') }, // 2026-12-01 00:30 in Shanghai
      { ...base, departmentId: child.id, createdAt: new Date('2026-11-30T15:30:00Z') }, // still November in Shanghai
    ] });
    expect(await countComplaints(t.deps, { month: '2026-12', departmentId: rd.id })).toBe(2);
    expect(await countComplaints(t.deps, { month: '2026-12', departmentId: child.id })).toBe(1);
    expect(await countComplaints(t.deps, { month: '2026-11' })).toBe(1);
    expect(await countComplaints(t.deps, { month: '2026-12' })).toBe(2);
  });

  it('reads 咨询 / 投诉 prefixes and social-insurance questions, and leaves names and chatter alone', () => {
    expect(parseQuestionText('投诉：公司没给我交社保')).toEqual({ kind: 'COMPLAINT', text: '公司没给我交社保' });
    expect(parseQuestionText('咨询 公积金比例是多少')).toEqual({ kind: 'QUESTION', text: '公积金比例是多少' });
    expect(parseQuestionText('为什么我的医保没到账？')).toMatchObject({ kind: 'QUESTION' });
    expect(parseQuestionText('张三')).toBeUndefined();
    expect(parseQuestionText('我的社保')).toBeUndefined();
    expect(parseQuestionText('今天天气怎么样')).toBeUndefined();
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await request.get('/api/v1/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/questions', '/questions/{id}', '/questions/{id}/answer']));
  });
});

describe('the 员工咨询 notification setting', () => {
  it('sends the question and its escalation to whom HR chose, the line manager included, and posts each once to the group', async () => {
    await withAlertAudience(t.db, 'question', { hrSpecialists: true, hrManagers: false, employeeManager: true, groupChatId: 'wrkQuestions' }, async () => {
      const lead = await makeActor(t.deps, ['MANAGER'], { name: '周主管', identities: { sandbox: 'q-lead' } });
      const emp = await t.db.employee.findFirstOrThrow({ where: { name: '张三' } });
      await t.db.employee.update({ where: { id: emp.id }, data: { managerId: lead.employee.id } });
      const asked = await request.post('/api/v1/questions').set(headers.emp!).send({ kind: 'QUESTION', text: '公积金和社保是一起交的吗？' });
      expect(asked.status).toBe(201);
      const key = (part: 'asked' | 'esc') => `qst-${String(asked.body.id).replaceAll('-', '')}-${part}-sandbox`;
      const rows = async (part: 'asked' | 'esc') => t.db.outboxMessage.findMany({ where: { dedupeKey: { contains: key(part) } }, orderBy: { dedupeKey: 'asc' } });
      expect((await rows('asked')).map((m) => [m.kind, m.recipients])).toEqual([['card', ['q-hr', 'q-lead']], ['group', []]]);
      await escalateOverdueQuestions(t.deps, { asOf: '2026-12-11', actor: systemActor('job:question-sla') });
      await escalateOverdueQuestions(t.deps, { asOf: '2026-12-12', actor: systemActor('job:question-sla') });
      // Above the specialists: every HR manager and, ticked, the line manager; the group once more.
      expect((await rows('esc')).map((m) => [m.kind, m.recipients, m.dedupeKey])).toEqual([
        ['card', ['q-hrm', 'q-lead'], `card:${key('esc')}`],
        ['group', [], `group:wrkQuestions:${key('esc')}`],
      ]);
    });
  });
});
