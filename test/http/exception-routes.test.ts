// Insurance exceptions through the real HTTP stack: the employee asks, HR submits, roles and
// validation at the boundary (unknown category, extra fields, bad ids, wrong role, others' data).
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { storeNationalDefaultPolicy, TEST_CITY } from '../helpers/national-default-policy.ts';

const t = await createTestDb({ now: () => new Date('2026-11-20T02:00:00Z') });
const { request, auth } = createTestApp(t);
await storeNationalDefaultPolicy(t.db);
const owner = await makeActor(t.deps, ['EMPLOYEE'], { name: '赵六', startDate: '2026-06-15', monthlyWage: 600_000, insuredCity: TEST_CITY });
const retiree = await makeActor(t.deps, ['EMPLOYEE'], { name: '钱七', startDate: '2026-11-02' });
const other = await makeActor(t.deps, ['EMPLOYEE']);
const hr = await makeActor(t.deps, ['HR_SPECIALIST']);
const bearer = async (employeeId: string) => ({ Authorization: `Bearer ${(await createSession(t.deps, { employeeId, platform: 'sandbox', method: 'test' })).token}` });
const [asOwner, asRetiree, asOther, asHr] = await Promise.all([bearer(owner.employee.id), bearer(retiree.employee.id), bearer(other.employee.id), bearer(hr.employee.id)]);

describe('POST /api/v1/exceptions', () => {
  it('refuses an unknown category, extra fields and an oversize note with 400, creating nothing', async () => {
    for (const body of [{ reasonCategory: 'BRIBE' }, { reasonCategory: 'OTHER', status: 'APPROVED' }, { reasonCategory: 'OTHER', note: '很'.repeat(501) }, {}]) {
      const res = await request.post('/api/v1/exceptions').set(asOwner).send(body);
      expect([res.status, res.body.error.code]).toEqual([400, 'validation_failed']);
    }
    expect((await request.post('/api/v1/exceptions').send({ reasonCategory: 'OTHER' })).status).toBe(401);
    expect((await request.post('/api/v1/exceptions').set(auth).send({ reasonCategory: 'OTHER' })).status).toBe(403);
    expect(await t.db.insuranceException.count()).toBe(0);
  });

  it('records a waiver as void with the risk shown, and refuses a second open request with 409', async () => {
    const res = await request.post('/api/v1/exceptions').set(asOwner).send({ reasonCategory: 'PREFER_CASH' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ lawful: false, exception: { status: 'REMEDIATION' } });
    const id = res.body.exception.id as string;
    const detail = await request.get(`/api/v1/exceptions/${id}`).set(asHr);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ statusLabel: '不予豁免，须增员', risk: { total: '¥15,724.45' }, tasks: [{ kind: 'enrolment.remediation', dueOn: '2026-11-20', state: 'OPEN' }] });
    expect(detail.body.risk.lines.map((l: { legalBasis: string }) => l.legalBasis).join()).toMatch(/第八十六条.*第四十七条/);
    expect((await request.post('/api/v1/exceptions').set(asOwner).send({ reasonCategory: 'OTHER' })).status).toBe(409);
    const tasks = await request.get('/api/v1/compliance-tasks?state=OPEN').set(asHr);
    expect([tasks.status, tasks.body.tasks.length]).toEqual([200, 1]);
    expect((await request.get('/api/v1/compliance-tasks').set(asOwner)).status).toBe(403);
    expect((await request.get('/api/v1/compliance-tasks?state=MAYBE').set(asHr)).status).toBe(400);
  });
});

describe('reading, submitting and withdrawing', () => {
  it('lets an employee read only their own, and only HR submit, naming the missing documents', async () => {
    const res = await request.post('/api/v1/exceptions').set(asRetiree).send({ reasonCategory: 'RETIRED_PENSIONER', note: '已退休，领取养老金' });
    expect([res.status, res.body.exception.status]).toEqual([201, 'DRAFT']);
    const id = res.body.exception.id as string;
    expect((await request.get(`/api/v1/exceptions/${id}`).set(asOther)).status).toBe(404);
    expect((await request.get('/api/v1/exceptions').set(asOther)).body.exceptions).toEqual([]);
    expect((await request.get('/api/v1/exceptions').set(asHr)).body.exceptions.length).toBe(2);
    expect((await request.get('/api/v1/exceptions/not-a-uuid').set(asHr)).status).toBe(400);
    expect((await request.get('/api/v1/exceptions/00000000-0000-4000-8000-000000000000').set(asHr)).status).toBe(404);
    const own = await request.get(`/api/v1/exceptions/${id}`).set(asRetiree);
    expect(own.body.documents.map((d: { label: string; present: boolean }) => [d.label, d.present])).toEqual([['员工签署的声明', false], ['退休证或养老金领取证明', false]]);

    const byEmployee = await request.post(`/api/v1/exceptions/${id}/submit`).set(asRetiree);
    expect(byEmployee.status).toBe(403);
    const incomplete = await request.post(`/api/v1/exceptions/${id}/submit`).set(asHr);
    expect([incomplete.status, incomplete.body.error.message]).toEqual([400, '无法提交：缺少必需材料「员工签署的声明」「退休证或养老金领取证明」']);
    expect(incomplete.body.error.details).toEqual({ missing: ['员工签署的声明', '退休证或养老金领取证明'] });
    expect((await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');

    const byOther = await request.post(`/api/v1/exceptions/${id}/withdraw`).set(asOther);
    expect([byOther.status, byOther.body.error.message]).toEqual([403, '只能撤回本人的社保例外申请；已提交审批的申请，人事可在审批中撤回']);
    expect((await request.post(`/api/v1/exceptions/${id}/withdraw`).set(asHr)).status).toBe(403);
    const withdrawn = await request.post(`/api/v1/exceptions/${id}/withdraw`).set(asRetiree);
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'WITHDRAWN']);
    expect((await request.post(`/api/v1/exceptions/${id}/withdraw`).set(asRetiree)).status).toBe(409);
  });
});

describe('categories and the dual-employment stop month', () => {
  it('lists every reason with its legal note, documents and the insurance still owed', async () => {
    const res = await request.get('/api/v1/exception-categories').set(asOther);
    expect(res.status).toBe(200);
    const byId = new Map(res.body.categories.map((c: { category: string }) => [c.category, c]));
    expect(byId.get('FOREIGN_AGREEMENT')).toMatchObject({
      lawful: true, legalNote: expect.stringContaining('人社部令第16号 第六条'),
      documents: [{ key: 'declaration', label: '员工签署的声明' }, { key: 'COVERAGE_CERTIFICATE', label: '社会保险双边协定参保证明' }],
      owedInsurances: [{ type: 'MEDICAL' }, { type: 'INJURY' }, { type: 'MATERNITY' }],
    });
    expect(byId.get('PREFER_CASH')).toMatchObject({ lawful: false, documents: [], owedShort: '全部险种' });
    expect((await request.get('/api/v1/exception-categories')).status).toBe(401);
  });

  it('refuses a malformed month, extra fields and an employee with a Chinese 4xx', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const body of [{ month: '2027-2' }, { month: '2027-02', clockFrom: '2026-01-01' }, {}]) {
      const res = await request.post(`/api/v1/exceptions/${id}/other-employer-stopped-month`).set(asHr).send(body);
      expect([res.status, res.body.error.code]).toEqual([400, 'validation_failed']);
    }
    expect((await request.post(`/api/v1/exceptions/${id}/other-employer-stopped-month`).set(asHr).send({ month: '2027-02' })).status).toBe(404);
    const byEmployee = await request.post(`/api/v1/exceptions/${id}/other-employer-stopped-month`).set(asOther).send({ month: '2027-02' });
    expect(byEmployee.status).toBe(403);
    expect(byEmployee.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
