// The calculator and the policy library through the real HTTP stack: HR managers write policies,
// HR and finance read them; amounts go to HR, finance and the employee themself only; malformed
// input gets a Chinese 400 and writes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/generated/prisma/enums.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2025-08-31T02:00:00.000Z') });
const { request } = createTestApp(t);
const as: Record<string, Record<string, string>> = {};
let employeeId = '';
let otherId = '';

const period = {
  from: '2025-01', to: null, baseFloorFen: 746000, baseCeilingFen: 3730200,
  rates: { pension: { employer: '0.16', employee: '0.08' }, medical: { employer: '0.09', employee: '0.02' } },
  rounding: 'fen', dueDay: 'last', lateFee: { method: 'daily', dailyRate: '0.0005', on: 'total' },
  averageMonthlyWageFen: 1243400, minimumWageFen: 274000, source: null, verified: false,
};
const policyFile = { city: '示例市', cityCode: '000000', periods: [period] };

async function session(roles: Role[], over: Parameters<typeof makeActor>[2] = {}) {
  const a = await makeActor(t.deps, roles, over);
  const { token } = await createSession(t.deps, { employeeId: a.employee.id, platform: 'sandbox', method: 'test' });
  return { id: a.employee.id, auth: { Authorization: `Bearer ${token}` } };
}

beforeAll(async () => {
  as.manager = (await session(['HR_MANAGER'])).auth;
  as.specialist = (await session(['HR_SPECIALIST'])).auth;
  as.finance = (await session(['FINANCE'])).auth;
  const self = await session(['EMPLOYEE'], { startDate: '2025-03-01', insuredCity: '示例市', monthlyWage: 800_000 });
  as.employee = self.auth;
  employeeId = self.id;
  otherId = (await makeEmployee(t.deps, { startDate: '2025-03-01', insuredCity: '示例市', monthlyWage: 500_000 })).id;
});

describe('/api/v1/policies', () => {
  it('lets an HR manager import a file and HR and finance read it', async () => {
    const r = await request.post('/api/v1/policies').set(as.manager!).send(policyFile);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ city: '示例市', added: ['2025-01 起'] });
    for (const who of ['specialist', 'finance', 'manager']) {
      const list = await request.get('/api/v1/policies?city=示例市').set(as[who]!);
      expect(list.status).toBe(200);
      expect(list.body[0].periods[0]).toMatchObject({ from: '2025-01', to: null, rates: { pension: { employer: '0.16', employee: '0.08' } }, verified: false });
    }
  });

  it('refuses writers other than the HR manager and readers without the right, in Chinese', async () => {
    const changed = { ...policyFile, periods: [{ ...period, baseFloorFen: 1 }] };
    for (const who of ['specialist', 'finance', 'employee']) {
      const r = await request.post('/api/v1/policies').set(as[who]!).send(changed);
      expect(r.status).toBe(403);
      expect(r.body.error.message).toContain('不能维护社保政策');
    }
    expect((await request.get('/api/v1/policies').set(as.employee!)).status).toBe(403);
    expect((await t.db.cityPolicy.findFirst({ where: { city: '示例市' } }))?.baseFloorFen).toBe(746000);
  });

  it('refuses a malformed file with a Chinese 400 and writes nothing', async () => {
    const before = await t.db.cityPolicy.count();
    const overlap = await request.post('/api/v1/policies').set(as.manager!).send({ ...policyFile, city: '重叠市', periods: [period, { ...period, from: '2025-06' }] });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.message).toContain('政策期间 2025-06 起 与 2025-01 起 重叠');
    const float = await request.post('/api/v1/policies').set(as.manager!).send({ ...policyFile, city: '浮点市', periods: [{ ...period, rates: { pension: { employer: 0.16, employee: '0.08' } } }] });
    expect(float.status).toBe(400);
    expect(float.body.error.message).not.toMatch(/[A-Za-z]{4,}/);
    expect(await t.db.cityPolicy.count()).toBe(before);
  });
});

describe('/api/v1/calc', () => {
  it('computes back-pay for an ad-hoc wage to the fen', async () => {
    const r = await request.post('/api/v1/calc/back-pay').set(as.finance!).send({ city: '示例市', wageFen: 500000, from: '2025-05', to: '2025-05', payOn: '2025-06-11' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // base 7,460 (floor): pension 1,193.60 + 596.80, medical 671.40 + 149.20 → 2,611.00; 10 days × 0.05 % = 13.06 (13.055 half up)
    expect(r.body).toMatchObject({
      city: '示例市', verified: false,
      months: [{ month: '2025-05', baseFen: 746000, items: [{ type: 'pension', employerFen: 119360, employeeFen: 59680 }, { type: 'medical', employerFen: 67140, employeeFen: 14920 }], totalFen: 261100, dueOn: '2025-05-31', lateDays: 10, lateFeeFen: 1306 }],
      totals: { employerFen: 186500, employeeFen: 74600, totalFen: 261100, lateFeeFen: 1306, grandTotalFen: 262406 },
    });
    expect(r.body.warnings[0]).toMatch(/^政策数据未经核实：/);
  });

  it('shows an employee their own amounts only, and no ad-hoc wages', async () => {
    const own = await request.post('/api/v1/calc/back-pay').set(as.employee!).send({ employeeId, from: '2025-05', to: '2025-05', payOn: '2025-06-11' });
    expect(own.status).toBe(200);
    expect(own.body.totals.totalFen).toBe(280_000); // 8,000 × (16 + 8 + 9 + 2) %
    const other = await request.post('/api/v1/calc/back-pay').set(as.employee!).send({ employeeId: otherId, from: '2025-05', to: '2025-05', payOn: '2025-06-11' });
    expect(other.status).toBe(404);
    const adHoc = await request.post('/api/v1/calc/back-pay').set(as.employee!).send({ city: '示例市', wageFen: 500000, from: '2025-05', to: '2025-05', payOn: '2025-06-11' });
    expect(adHoc.status).toBe(403);
    expect((await request.get(`/api/v1/calc/exposure?employeeId=${otherId}`).set(as.employee!)).status).toBe(404);
  });

  it.each([
    [{ city: '示例市', wageFen: 500000, from: '2025-13', to: '2025-05', payOn: '2025-06-11' }, '应为月份'],
    [{ city: '示例市', wageFen: 500000, from: '2025-06', to: '2025-05', payOn: '2025-06-11' }, '开始月份 2025-06 晚于结束月份 2025-05'],
    [{ city: '示例市', wageFen: 5000.5, from: '2025-05', to: '2025-05', payOn: '2025-06-11' }, '月工资（分）'],
    [{ city: '示例市', from: '2025-05', to: '2025-05', payOn: '2025-06-11' }, '请同时填写参保城市和月工资'],
    [{ employeeId: 'x', from: '2025-05', to: '2025-05', payOn: '2025-06-11' }, '员工编号格式不正确'],
    [{ city: '火星', wageFen: 500000, from: '2025-05', to: '2025-05', payOn: '2025-06-11' }, '没有「火星」的社保政策'],
    [{ city: '示例市', wageFen: 500000, from: '2024-12', to: '2025-05', payOn: '2025-06-11' }, '2024-12 没有示例市的社保政策'],
    [{ city: '示例市', wageFen: 500000, from: '2025-05', to: '2025-05', payOn: '2025-02-30' }, '补缴日期'],
  ])('refuses %j with a Chinese 400', async (body, message) => {
    const r = await request.post('/api/v1/calc/back-pay').set(as.specialist!).send(body);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain(message);
  });

  it('reports exposure as of a day, and as of today by default', async () => {
    const r = await request.get(`/api/v1/calc/exposure?employeeId=${employeeId}&asOf=2025-08-31`).set(as.specialist!);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.lines.find((l: { key: string }) => l.key === 'compensation')).toMatchObject({ minFen: 800000, article: expect.stringContaining('第四十七条') });
    expect((await request.get(`/api/v1/calc/exposure?employeeId=${employeeId}`).set(as.finance!)).body.asOf).toBe('2025-08-31');
    expect((await request.get('/api/v1/calc/exposure?employeeId=nope').set(as.finance!)).status).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the money routes with the policy file schema', async () => {
    const doc = (await request.get('/api/v1/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/calc/back-pay', '/calc/exposure', '/policies']));
    expect(doc.paths['/policies'].post.requestBody.content['application/json'].schema.required).toEqual(['city', 'cityCode', 'periods']);
  });
});
