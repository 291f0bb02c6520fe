// Incentive points awarded by the events that earn them (docs/points.md), against a real
// PostgreSQL: an on-time re-verification proof (+2), a transfer case reaching step 2 (+3), a proof
// HR finds false (−5); each once, also when processed twice or concurrently; the rules are data.
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { parseDay } from '../../src/domain/dates.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { awardPoints } from '../../src/services/points/award-points.ts';
import { makeActor } from '../helpers/factories.ts';
import { pdfBytes } from '../helpers/make-png.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

// Monday 2026-12-07, 10:00 in Shanghai.
const now = new Date('2026-12-07T02:00:00.000Z');
const t = await createTestDb({ now: () => now });
const { request } = createTestApp(t);
const headers: Record<string, Record<string, string>> = {};
const ids: Record<string, string> = {};
const awardsOf = (employeeId: string) => t.db.pointAward.findMany({ where: { employeeId }, orderBy: { awardedAt: 'asc' } });
const snapshot = async () => JSON.stringify([await t.db.pointAward.findMany({ orderBy: { id: 'asc' } }), await t.db.proof.findMany({ orderBy: { id: 'asc' } })]);

/** An approved exception whose 2026Q4 re-verification request is open until `dueOn`. */
async function reverifyRequest(employeeId: string, dueOn: string) {
  const e = await t.db.insuranceException.create({ data: { employeeId, kind: 'DUAL_EMPLOYMENT', reasonCategory: 'OTHER_EMPLOYER_PAYS', status: 'APPROVED', reverifyOn: parseDay('2026-12-01') } });
  const alert = await t.db.alert.create({ data: { kind: 'exception.reverify', stage: '2026Q4', uniqueKey: `exception.reverify:${e.id}:2026Q4`, employeeId, dueOn: parseDay(dueOn) } });
  return { exceptionId: e.id, alertId: alert.id };
}

const upload = (who: string, exceptionId: string, extra: Record<string, string> = {}) => {
  let req = request.post('/api/v1/proofs').set(headers[who]!).field('kind', 'OTHER_EMPLOYER_CONTRIBUTIONS').field('exceptionId', exceptionId)
    .field('coversMonth', '2026-11').field('consent', 'true');
  for (const [k, v] of Object.entries(extra)) req = req.field(k, v);
  return req.attach('file', pdfBytes(), { filename: '原单位缴费记录.pdf' });
};

beforeAll(async () => {
  const people = {
    hr: await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林人事', department: '人力资源部' }),
    hrm: await makeActor(t.deps, ['HR_MANAGER'], { name: '王经理', department: '人力资源部' }),
    emp: await makeActor(t.deps, ['EMPLOYEE'], { name: '张三', department: '研发部' }),
    other: await makeActor(t.deps, ['EMPLOYEE'], { name: '李四', department: '研发部' }),
  };
  for (const [key, p] of Object.entries(people)) {
    ids[key] = p.employee.id;
    const { token } = await createSession(t.deps, { employeeId: p.employee.id, platform: 'sandbox', method: 'test' });
    headers[key] = { Authorization: `Bearer ${token}` };
  }
});

describe('points for an on-time proof', () => {
  it('awards +2 once per re-verification request answered by its deadline, with its audit event', async () => {
    const { exceptionId, alertId } = await reverifyRequest(ids.emp!, '2026-12-15');
    const first = await upload('emp', exceptionId);
    expect(first.status).toBe(201);
    expect((await upload('emp', exceptionId)).status).toBe(201);
    const awards = await awardsOf(ids.emp!);
    expect(awards.map((a) => [a.rule, a.points, a.subjectType, a.subjectId])).toEqual([['onTimeProof', 2, 'reverify_request', alertId]]);
    expect(awards[0]!.reason).toBe('按时上传「原单位社保缴费记录」（2026 年第 4 季度复核，期限 2026-12-15）');
    const events = await t.db.auditEvent.findMany({ where: { type: 'points.awarded', subjectId: ids.emp! } });
    expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ rule: 'onTimeProof', points: 2, proofId: first.body.proofId })]);
  });

  it('awards once when two uploads answer the same request at the same time', async () => {
    const { exceptionId } = await reverifyRequest(ids.other!, '2026-12-15');
    const results = await Promise.all([upload('other', exceptionId), upload('other', exceptionId)]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect((await awardsOf(ids.other!)).map((a) => a.points)).toEqual([2]);
    await t.db.pointAward.deleteMany({ where: { employeeId: ids.other! } });
  });

  it('awards nothing after the deadline, for a proof HR uploads on the employee\'s behalf, or one not covering the month needed', async () => {
    const late = await reverifyRequest(ids.other!, '2026-12-06');
    expect((await upload('other', late.exceptionId)).status).toBe(201);
    const onTime = await reverifyRequest(ids.other!, '2026-12-20');
    expect((await upload('hr', onTime.exceptionId, { employeeId: ids.other! })).status).toBe(201);
    const stale = await reverifyRequest(ids.other!, '2026-12-20');
    const old = await request.post('/api/v1/proofs').set(headers.other!).field('kind', 'OTHER_EMPLOYER_CONTRIBUTIONS').field('exceptionId', stale.exceptionId)
      .field('coversMonth', '2026-08').field('consent', 'true').attach('file', pdfBytes(), { filename: 'a.pdf' });
    expect(old.status).toBe(201);
    expect(await awardsOf(ids.other!)).toEqual([]);
  });

  it('awards once when the award itself runs twice in two concurrent transactions', async () => {
    const award = () => t.db.$transaction((tx) => awardPoints(tx, { actor: systemActor('test'), employeeId: ids.other!, rule: 'quizPass', subjectId: '2030', reason: '并发测试', at: now }));
    const results = await Promise.all([award(), award(), award()]);
    expect(results.filter((r) => r.awarded)).toHaveLength(1);
    expect(await t.db.pointAward.count({ where: { employeeId: ids.other!, subjectId: '2030' } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { type: 'points.awarded', subjectId: ids.other!, data: { path: ['subjectId'], equals: '2030' } } })).toBe(1);
    await t.db.pointAward.deleteMany({ where: { employeeId: ids.other! } });
  });
});

describe('points for transfer cooperation', () => {
  it('awards +3 when the case reaches step 2 (联系函), once, and nothing for later steps', async () => {
    const started = await request.post('/api/v1/transfers').set(headers.hr!).send({ employeeId: ids.emp!, fromCity: '长沙', toCity: '上海', direction: 'INTO', startedOn: '2026-11-02' });
    expect(started.status).toBe(201);
    const step = (n: number, doneOn: string) => request.post(`/api/v1/transfers/${started.body.id}/steps/${n}/done`).set(headers.hr!).send({ doneOn });
    expect((await step(2, '2026-11-20')).status).toBe(200);
    expect((await step(2, '2026-11-20')).status).toBe(200);
    expect((await step(3, '2026-12-01')).status).toBe(200);
    const transfer = (await awardsOf(ids.emp!)).filter((a) => a.rule === 'transferCooperation');
    expect(transfer.map((a) => [a.points, a.subjectType, a.subjectId, a.reason])).toEqual([[3, 'pension_transfer', started.body.id, '配合办理养老保险关系转移接续（长沙→上海），新参保地已出具联系函']]);
  });
});

describe('a proof found false', () => {
  it('takes −5 once, audited; a second marking, an employee, a bad reason and an unknown proof are refused and change nothing', async () => {
    const proof = await t.db.proof.findFirstOrThrow({ where: { employeeId: ids.emp! } });
    const before = await snapshot();
    const employee = await request.post(`/api/v1/proofs/${proof.id}/false`).set(headers.emp!).send({ reason: '我自己认定' });
    expect(employee.status).toBe(403);
    expect(employee.body.error.message).toContain('认定证明材料不实');
    expect((await request.post(`/api/v1/proofs/${proof.id}/false`).set(headers.hr!).send({ reason: '' })).status).toBe(400);
    expect((await request.post(`/api/v1/proofs/${proof.id}/false`).set(headers.hr!).send({ reason: '不实', extra: 1 })).status).toBe(400);
    const unknown = await request.post('/api/v1/proofs/00000000-0000-4000-8000-000000000000/false').set(headers.hr!).send({ reason: '缴费记录是伪造的' });
    expect([unknown.status, unknown.body.error.message]).toEqual([404, '找不到这份证明材料，请从证明列表重新打开']);
    expect(await snapshot()).toBe(before);

    const marked = await request.post(`/api/v1/proofs/${proof.id}/false`).set(headers.hr!).send({ reason: '缴费记录与原单位出具的不符' });
    expect([marked.status, marked.body]).toEqual([200, { proofId: proof.id, points: -5 }]);
    const again = await request.post(`/api/v1/proofs/${proof.id}/false`).set(headers.hrm!).send({ reason: '再认定一次' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已于 2026-12-07 10:00 由林人事认定为不实');
    const taken = (await awardsOf(ids.emp!)).filter((a) => a.rule === 'falseProof');
    expect(taken.map((a) => [a.points, a.subjectType, a.subjectId, a.reason])).toEqual([[-5, 'proof', proof.id, '上传的「原单位社保缴费记录」经人事核实不实：缴费记录与原单位出具的不符']]);
    expect(await t.db.auditEvent.count({ where: { type: 'proof.marked_false', subjectId: proof.id } })).toBe(1);
    expect((await t.db.proof.findUniqueOrThrow({ where: { id: proof.id } })).falseReason).toBe('缴费记录与原单位出具的不符');
  });

  it('uses the points an HR manager set: only an HR manager may change them, bad values are refused in Chinese', async () => {
    expect((await request.put('/api/v1/settings/point-rules').set(headers.hr!).send({ falseProof: 8 })).status).toBe(403);
    const bad = await request.put('/api/v1/settings/point-rules').set(headers.hrm!).send({ falseProof: -3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/证明不实扣分/);
    const set = await request.put('/api/v1/settings/point-rules').set(headers.hrm!).send({ falseProof: 8 });
    expect(set.body).toEqual({ onTimeProof: 2, transferCooperation: 3, falseProof: 8, quizPass: 2, quizPassScore: 80 });
    expect((await request.get('/api/v1/settings/point-rules').set(headers.hr!)).body.falseProof).toBe(8);
    const proof = await t.db.proof.findFirstOrThrow({ where: { employeeId: ids.other!, falseAt: null, uploadedById: ids.other! } });
    expect((await request.post(`/api/v1/proofs/${proof.id}/false`).set(headers.hr!).send({ reason: '原单位盖章不符' })).body.points).toBe(-8);
    await request.put('/api/v1/settings/point-rules').set(headers.hrm!).send({ falseProof: 5 });
  });

  it('shows the history with reasons, days and the total in 我的积分, only one\'s own', async () => {
    const mine = await request.get('/api/v1/points/mine').set(headers.emp!);
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(2 + 3 - 5);
    expect(mine.body.items.map((i: { ruleLabel: string; points: number; awardedOn: string }) => [i.ruleLabel, i.points, i.awardedOn]))
      .toEqual(expect.arrayContaining([['按时上传证明', 2, '2026-12-07'], ['配合转移接续', 3, '2026-12-07'], ['证明材料不实', -5, '2026-12-07']]));
    expect((await request.get(`/api/v1/points/mine?employeeId=${ids.emp!}`).set(headers.other!)).status).toBe(404);
    expect((await request.get(`/api/v1/points/mine?employeeId=${ids.emp!}`).set(headers.hr!)).body.total).toBe(0);
  });
});
