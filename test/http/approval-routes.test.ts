// /api/v1/approvals through the real HTTP stack with H5 sessions of approver, non-approver and submitter.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { makeCompany, registerTestDefinitions, submit, type Company } from '../services/approvals-kit.ts';

const now = new Date('2026-12-01T02:00:00.000Z');
const t = await createTestDb({ now: () => now });
registerTestDefinitions();
const { request, auth } = createTestApp(t);
const as: Record<string, Record<string, string>> = {};
let c: Company;
let approvalId = '';

beforeAll(async () => {
  c = await makeCompany(t.deps);
  for (const key of ['hrm1', 'hrm2', 'hr', 'outsider', 'admin'] as const) {
    const { token } = await createSession(t.deps, { employeeId: c[key].employee.id, platform: 'sandbox', method: 'test' });
    as[key] = { Authorization: `Bearer ${token}` };
  }
});

beforeEach(async () => {
  ({ approvalId } = await submit(t.deps, c, 'test-any'));
});

describe('approval routes', () => {
  it('lists the approval in the approver\'s pending box with submitter, step and due time', async () => {
    const res = await request.get('/api/v1/approvals?box=pending').set(as.hrm1!);
    expect(res.status).toBe(200);
    expect(res.body.items.find((i: { id: string }) => i.id === approvalId)).toMatchObject({
      title: '测试审批：张三', status: 'PENDING', statusLabel: '审批中', submitter: { name: '李人事' }, step: { index: 0, name: '人事经理审批' },
      waitingSince: now.toISOString(), dueText: '2026-12-02 10:00',
    });
    const mine = await request.get('/api/v1/approvals?box=submitted').set(as.hr!);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(approvalId);
    expect((await request.get('/api/v1/approvals').set(as.outsider!)).body.items).toEqual([]);
  });

  it('lets the approver decide with a comment; every reader then sees who decided and when', async () => {
    const res = await request.post(`/api/v1/approvals/${approvalId}/decisions`).set(as.hrm1!).send({ decision: 'approve', comment: ' 同意 ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ text: '已同意「测试审批：张三」，审批通过', status: 'APPROVED' });
    const detail = await request.get(`/api/v1/approvals/${approvalId}`).set(as.hr!);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ status: 'APPROVED', can: { decide: false, withdraw: false }, summary: [{ label: '员工', value: '张三' }, { label: '事由', value: '测试' }] });
    expect(detail.body.steps[0].decisions).toEqual([
      { approverId: c.hrm1.employee.id, approverName: '王经理', decision: 'APPROVE', decisionLabel: '已同意', comment: '同意', channel: 'h5', atText: '2026-12-01 10:00' },
    ]);
    const done = await request.get('/api/v1/approvals?box=done').set(as.hrm1!);
    expect(done.body.items.map((i: { id: string }) => i.id)).toContain(approvalId);
    const again = await request.post(`/api/v1/approvals/${approvalId}/decisions`).set(as.hrm1!).send({ decision: 'reject' });
    expect(again.body.text).toMatch(/^你已处理过：已同意/);
    expect(await t.db.approvalDecision.count({ where: { step: { approvalId } } })).toBe(1);
  });

  it('refuses a non-approver with 403 and hides the approval from them', async () => {
    const res = await request.post(`/api/v1/approvals/${approvalId}/decisions`).set(as.outsider!).send({ decision: 'approve' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', message: '你不是这一步的审批人，无法处理' });
    expect((await request.get(`/api/v1/approvals/${approvalId}`).set(as.outsider!)).status).toBe(404);
    expect((await request.get(`/api/v1/approvals/${approvalId}`).set(as.admin!)).status).toBe(200);
    expect((await request.get(`/api/v1/approvals/${approvalId}`).set(as.hrm2!)).body.can).toEqual({ decide: true, withdraw: false });
  });

  it('lets the admin token read but not decide, with a clear 403', async () => {
    expect((await request.get(`/api/v1/approvals/${approvalId}`).set(auth)).status).toBe(200);
    const res = await request.post(`/api/v1/approvals/${approvalId}/decisions`).set(auth).send({ decision: 'approve' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('管理员令牌没有员工身份，不能审批');
  });

  it('lets only the submitter withdraw', async () => {
    expect((await request.post(`/api/v1/approvals/${approvalId}/withdraw`).set(as.hrm1!)).status).toBe(403);
    const res = await request.post(`/api/v1/approvals/${approvalId}/withdraw`).set(as.hr!);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ text: '已撤回「测试审批：张三」', status: 'WITHDRAWN' });
    expect((await request.post(`/api/v1/approvals/${approvalId}/withdraw`).set(as.hr!)).status).toBe(409);
  });

  it.each([
    ['an unknown decision', { decision: 'maybe' }, '请选择同意或驳回'],
    ['a comment over 500 characters', { decision: 'approve', comment: '长'.repeat(501) }, '审批意见最多 500 字'],
    ['an unknown field', { decision: 'approve', approverId: 'x' }, undefined],
  ])('refuses %s with 400, changing nothing', async (_label, body, message) => {
    const res = await request.post(`/api/v1/approvals/${approvalId}/decisions`).set(as.hrm1!).send(body);
    expect(res.status).toBe(400);
    if (message) expect(JSON.stringify(res.body.error)).toContain(message);
    expect(await t.db.approvalDecision.count({ where: { step: { approvalId } } })).toBe(0);
  });

  it('refuses a malformed id, an unknown box and an anonymous caller', async () => {
    expect((await request.get('/api/v1/approvals/not-a-uuid').set(as.hrm1!)).status).toBe(400);
    expect((await request.get('/api/v1/approvals?box=all').set(as.hrm1!)).status).toBe(400);
    expect((await request.get('/api/v1/approvals')).status).toBe(401);
    expect((await request.get('/api/v1/approvals/0f8e1c2d-3b4a-4968-8766-554433221100').set(as.hrm1!)).status).toBe(404);
  });
});
