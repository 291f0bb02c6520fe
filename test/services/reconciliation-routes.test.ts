// GET /api/v1/reconciliation/tasks through the real Koa stack: HR roles read, others get 403.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const { request } = createTestApp(t);
const sessions: Record<string, Record<string, string>> = {};
let employeeId = '';

beforeAll(async () => {
  for (const role of ['EMPLOYEE', 'FINANCE', 'MANAGER', 'HR_SPECIALIST', 'HR_MANAGER'] as const) {
    const { employee } = await makeActor(t.deps, [role]);
    const { token } = await createSession(t.deps, { employeeId: employee.id, platform: 'sandbox', method: 'test' });
    sessions[role] = { Authorization: `Bearer ${token}` };
  }
  employeeId = (await makeEmployee(t.deps)).id;
  await t.db.reconciliationTask.createMany({
    data: [
      { kind: 'active_not_insured', uniqueKey: `active_not_insured:${employeeId}:2026-10`, employeeId, month: '2026-10', details: {}, dueOn: new Date('2026-11-10') },
      { kind: 'entity_mismatch', uniqueKey: `entity_mismatch:${employeeId}:2026-09`, employeeId, month: '2026-09', details: {}, dueOn: new Date('2026-10-10'), state: 'CLOSED' },
    ],
  });
});

describe('GET /api/v1/reconciliation/tasks', () => {
  it('lists the tasks to HR, filtered by state, kind and month', async () => {
    for (const role of ['HR_SPECIALIST', 'HR_MANAGER']) {
      const res = await request.get('/api/v1/reconciliation/tasks?state=OPEN&kind=active_not_insured&month=2026-10').set(sessions[role] ?? {});
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual([expect.objectContaining({ kind: 'active_not_insured', employeeId, month: '2026-10', state: 'OPEN', dueOn: '2026-11-10' })]);
    }
    const closed = await request.get('/api/v1/reconciliation/tasks?state=CLOSED').set(sessions.HR_SPECIALIST ?? {});
    expect(closed.body.map((x: { kind: string }) => x.kind)).toEqual(['entity_mismatch']);
  });

  it('answers 403 to roles outside HR and 400 to a malformed month', async () => {
    for (const role of ['EMPLOYEE', 'FINANCE', 'MANAGER']) {
      const res = await request.get('/api/v1/reconciliation/tasks').set(sessions[role] ?? {});
      expect(res.status, role).toBe(403);
    }
    expect((await request.get('/api/v1/reconciliation/tasks')).status).toBe(401);
    expect((await request.get('/api/v1/reconciliation/tasks?month=2026-13').set(sessions.HR_MANAGER ?? {})).status).toBe(400);
  });
});
