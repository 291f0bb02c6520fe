// The knowledge quiz (known answers → exact score, a pass awards once a calendar year, tampering
// refused and changing nothing), HR's department ranking and the Excel export, against a real
// PostgreSQL through the REST API.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { quizQuestion, quizQuestions } from '../../src/domain/quiz/quiz-bank.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

// Monday 2026-12-07, 10:00 in Shanghai.
let now = new Date('2026-12-07T02:00:00.000Z');
const t = await createTestDb({ now: () => now });
const { request } = createTestApp(t);
const headers: Record<string, Record<string, string>> = {};
const ids: Record<string, string> = {};
const snapshot = async () => JSON.stringify([await t.db.pointAward.findMany({ orderBy: { id: 'asc' } }), await t.db.quizAttempt.findMany({ orderBy: { id: 'asc' } })]);

/** Answers the attempt with `right` questions correct (the first ones) and the rest wrong. */
function answersFor(questionIds: string[], right: number): Record<string, number> {
  return Object.fromEntries(questionIds.map((id, i) => {
    const answer = quizQuestion(id)!.answer;
    return [id, i < right ? answer : (answer + 1) % 4];
  }));
}

async function start(who: string): Promise<{ attemptId: string; ids: string[] }> {
  const res = await request.get('/api/v1/quiz').set(headers[who]!);
  expect(res.status).toBe(200);
  return { attemptId: res.body.attemptId, ids: res.body.questions.map((q: { id: string }) => q.id) };
}

beforeAll(async () => {
  const people = {
    hr: await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林人事', department: '人力资源部' }),
    emp: await makeActor(t.deps, ['EMPLOYEE'], { name: '张三', department: '研发部', employeeNo: 'E001' }),
    dev2: await makeActor(t.deps, ['EMPLOYEE'], { name: '赵六', department: '研发部', employeeNo: 'E002' }),
    dev3: await makeActor(t.deps, ['EMPLOYEE'], { name: '钱七', department: '研发部', employeeNo: 'E003' }),
    fin: await makeActor(t.deps, ['FINANCE'], { name: '李四', department: '财务部', employeeNo: 'F001' }),
  };
  for (const [key, p] of Object.entries(people)) {
    ids[key] = p.employee.id;
    const { token } = await createSession(t.deps, { employeeId: p.employee.id, platform: 'sandbox', method: 'test' });
    headers[key] = { Authorization: `Bearer ${token}` };
  }
});

describe('the question bank', () => {
  it('ships at least 20 questions, each with four options, an answer, an explanation and the article it cites', () => {
    expect(quizQuestions.length).toBeGreaterThanOrEqual(20);
    for (const q of quizQuestions) {
      expect(q.options).toHaveLength(4);
      expect(q.article).toMatch(/[《〔]|第.+条/);
      expect(q.explanation.length).toBeGreaterThan(10);
    }
    // The right answer is not always in the same place.
    expect(new Set(quizQuestions.map((q) => q.answer)).size).toBe(4);
  });
});

describe('the knowledge quiz', () => {
  it('draws 10 distinct questions without their answers, bound to an attempt', async () => {
    const res = await request.get('/api/v1/quiz').set(headers.emp!);
    expect(res.body).toMatchObject({ passScore: 80, passPoints: 2, awardedThisYear: false });
    expect(new Set(res.body.questions.map((q: { id: string }) => q.id)).size).toBe(10);
    for (const q of res.body.questions) expect(Object.keys(q).sort()).toEqual(['id', 'options', 'text']);
    expect(JSON.stringify(res.body)).not.toMatch(/answer|explanation|article/);
  });

  it('scores known answers exactly (7 right → 70, failed, no points)', async () => {
    const a = await start('emp');
    const res = await request.post(`/api/v1/quiz/${a.attemptId}`).set(headers.emp!).send({ answers: answersFor(a.ids, 7) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ score: 70, passed: false, passScore: 80, pointsAwarded: 0 });
    expect(res.body.marks.map((m: { correct: boolean }) => m.correct)).toEqual([true, true, true, true, true, true, true, false, false, false]);
    expect(res.body.marks[9]).toMatchObject({ questionId: a.ids[9], answer: quizQuestion(a.ids[9]!)!.answer, article: quizQuestion(a.ids[9]!)!.article });
    expect(await t.db.pointAward.count()).toBe(0);
  });

  it('awards +2 for a pass (9 right → 90) once in the calendar year: a second pass earns nothing', async () => {
    const a = await start('emp');
    const first = await request.post(`/api/v1/quiz/${a.attemptId}`).set(headers.emp!).send({ answers: answersFor(a.ids, 9) });
    expect(first.body).toMatchObject({ score: 90, passed: true, pointsAwarded: 2 });
    const b = await start('emp');
    const second = await request.post(`/api/v1/quiz/${b.attemptId}`).set(headers.emp!).send({ answers: answersFor(b.ids, 10) });
    expect(second.body).toMatchObject({ score: 100, passed: true, pointsAwarded: 0 });
    const awards = await t.db.pointAward.findMany({ where: { employeeId: ids.emp! } });
    expect(awards.map((x) => [x.rule, x.points, x.subjectType, x.subjectId, x.reason])).toEqual([['quizPass', 2, 'quiz_year', '2026', '2026 年社保知识问答 90 分（80 分及格）']]);
    expect((await request.get('/api/v1/quiz').set(headers.emp!)).body.awardedThisYear).toBe(true);
    expect(await t.db.auditEvent.count({ where: { type: 'quiz.submitted' } })).toBe(3);
  });

  it('awards again in the next calendar year (Asia/Shanghai: 2027-01-01 00:30 is already 2027)', async () => {
    now = new Date('2026-12-31T16:30:00.000Z');
    try {
      const { token } = await createSession(t.deps, { employeeId: ids.emp!, platform: 'sandbox', method: 'test' });
      headers.newYear = { Authorization: `Bearer ${token}` };
      const a = await start('newYear');
      const res = await request.post(`/api/v1/quiz/${a.attemptId}`).set(headers.newYear).send({ answers: answersFor(a.ids, 8) });
      expect(res.body).toMatchObject({ score: 80, passed: true, pointsAwarded: 2 });
      expect((await t.db.pointAward.findMany({ where: { employeeId: ids.emp!, rule: 'quizPass' }, orderBy: { subjectId: 'asc' } })).map((x) => x.subjectId)).toEqual(['2026', '2027']);
    } finally {
      now = new Date('2026-12-07T02:00:00.000Z');
    }
  });

  it('refuses tampering in Chinese and changes nothing: foreign questions, missing answers, bad options, a resubmission, someone else\'s attempt', async () => {
    const a = await start('dev2');
    const notDrawn = quizQuestions.find((q) => !a.ids.includes(q.id))!.id;
    const before = await snapshot();
    const cases: [Record<string, string>, unknown, number, RegExp][] = [
      [headers.dev2!, { answers: { ...answersFor(a.ids, 10), [notDrawn]: 0 } }, 400, /不属于这次答题/],
      [headers.dev2!, { answers: answersFor(a.ids.slice(0, 9), 9) }, 400, /还有 1 道题没有作答/],
      [headers.dev2!, { answers: { ...answersFor(a.ids, 10), [a.ids[0]!]: 4 } }, 400, /选项不正确/],
      [headers.dev2!, { answers: { ...answersFor(a.ids, 10), 'x; drop': 1 } }, 400, /不属于这次答题/],
      [headers.dev2!, { answers: answersFor(a.ids, 10), score: 100 }, 400, /[\u4e00-\u9fff]/],
      [headers.dev3!, { answers: answersFor(a.ids, 10) }, 404, /找不到这次答题/],
    ];
    for (const [who, body, status, message] of cases) {
      const res = await request.post(`/api/v1/quiz/${a.attemptId}`).set(who).send(body as object);
      expect([res.status, res.body.error?.message]).toEqual([status, expect.stringMatching(message)]);
    }
    expect((await request.post('/api/v1/quiz/not-a-uuid').set(headers.dev2!).send({ answers: {} })).status).toBe(400);
    expect(await snapshot()).toBe(before);

    expect((await request.post(`/api/v1/quiz/${a.attemptId}`).set(headers.dev2!).send({ answers: answersFor(a.ids, 10) })).body.pointsAwarded).toBe(2);
    const afterPass = await snapshot();
    const again = await request.post(`/api/v1/quiz/${a.attemptId}`).set(headers.dev2!).send({ answers: answersFor(a.ids, 10) });
    expect([again.status, again.body.error.message]).toEqual([409, expect.stringContaining('已经提交过')]);
    expect(await snapshot()).toBe(afterPass);
  });
});

describe('the ranking and the export', () => {
  it('sums and averages per department (employees not exited) and lists the top employees', async () => {
    // 研发部: 张三 +2 (2026), 赵六 +2, 钱七 0 → 4 / 3 = 1.3; 财务部: 李四 +3; 人力资源部: 0.
    await t.db.pointAward.create({ data: { employeeId: ids.fin!, rule: 'transferCooperation', points: 3, reason: '配合办理养老保险关系转移接续（长沙→上海），新参保地已出具联系函', subjectType: 'pension_transfer', subjectId: 'c0ffee00-0000-4000-8000-000000000001', awardedAt: new Date('2026-06-01T02:00:00Z') } });
    const res = await request.get('/api/v1/points/ranking?year=2026').set(headers.hr!);
    expect(res.status).toBe(200);
    expect(res.body.departments.map((d: { name: string; employees: number; total: number; average: number }) => [d.name, d.employees, d.total, d.average]))
      .toEqual([['研发部', 3, 4, 1.3], ['财务部', 1, 3, 3], ['人力资源部', 1, 0, 0]]);
    expect(res.body.top.map((e: { name: string; total: number }) => [e.name, e.total])).toEqual([['李四', 3], ['张三', 2], ['赵六', 2]]);
    const next = await request.get('/api/v1/points/ranking?year=2027').set(headers.hr!);
    expect(next.body.departments.find((d: { name: string }) => d.name === '研发部').total).toBe(2);
  });

  it('refuses the ranking, the export and the rules to employees and finance, and a bad year, in Chinese', async () => {
    for (const who of ['emp', 'fin']) {
      for (const path of ['/api/v1/points/ranking', '/api/v1/points/export.xlsx?year=2026', '/api/v1/settings/point-rules']) {
        const res = await request.get(path).set(headers[who]!);
        expect([res.status, res.body.error.message]).toEqual([403, expect.stringMatching(/[\u4e00-\u9fff]/)]);
      }
    }
    const bad = await request.get('/api/v1/points/export.xlsx?year=abc').set(headers.hr!);
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining('年份')]);
  });

  it('exports the year for the performance system: 工号, 姓名, 部门, 积分 as a number, 明细 with day and reason', async () => {
    const res = await request.get('/api/v1/points/export.xlsx?year=2026').set(headers.hr!).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('积分-2026.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(res.body as Buffer).buffer);
    const ws = wb.getWorksheet('2026年积分')!;
    const rows = ws.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['工号', '姓名', '部门', '积分', '明细']);
    const byNo = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
    expect(byNo.E001).toEqual(['E001', '张三', '研发部', 2, '2026-12-07 社保知识问答通过 +2：2026 年社保知识问答 90 分（80 分及格）']);
    expect(byNo.F001).toEqual(['F001', '李四', '财务部', 3, '2026-06-01 配合转移接续 +3：配合办理养老保险关系转移接续（长沙→上海），新参保地已出具联系函']);
    expect(byNo.E003?.[3]).toBe(0);
    expect(typeof byNo.E001?.[3]).toBe('number');
  });
});
