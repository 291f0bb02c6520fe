// GET /api/v1/outbox/dead-letters: what could not be delivered, for HR managers and admins.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { testCard } from '../platforms/platform-kit.ts';
import { enqueueCommitted, QUICK_RETRY, startWorkers, waitFor } from './outbox-kit.ts';

const t = await createTestDb({ retry: QUICK_RETRY });
const { request, auth } = createTestApp(t);
// This instance has no DingTalk configured: a DingTalk message can never go out from here.
await startWorkers(t, {});
const headers: Record<string, Record<string, string>> = { admin: auth, anonymous: {} };

beforeAll(async () => {
  for (const role of ['EMPLOYEE', 'HR_SPECIALIST', 'HR_MANAGER', 'FINANCE', 'ADMIN'] as const) {
    const { employee } = await makeActor(t.deps, [role]);
    const { token } = await createSession(t.deps, { employeeId: employee.id, platform: 'sandbox', method: 'test' });
    headers[role] = { Authorization: `Bearer ${token}` };
  }
  await enqueueCommitted(t, { dedupeKey: 'card:dl-1', platform: 'dingtalk', recipients: ['manager1'], payload: { kind: 'card', card: testCard('dl-1') } });
  await enqueueCommitted(t, { dedupeKey: 'text:dl-2', platform: 'dingtalk', recipients: ['manager2'], payload: { kind: 'text', text: '张三已连续三天未打卡' } });
  await waitFor('two dead letters', async () => (await t.db.outboxMessage.count({ where: { status: 'DEAD' } })) === 2);
});

describe('GET /api/v1/outbox/dead-letters', () => {
  it('lists dead messages newest first with the reason', async () => {
    const res = await request.get('/api/v1/outbox/dead-letters').set(headers.HR_MANAGER!);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { dedupeKey: string }) => i.dedupeKey)).toEqual(['text:dl-2', 'card:dl-1']);
    expect(res.body.items[1]).toMatchObject({ platform: 'dingtalk', kind: 'card', recipients: ['manager1'], title: '新员工到岗确认', attempts: 1, lastError: expect.stringContaining('DINGTALK_') });
  });

  it('pages with nextBefore and filters by platform', async () => {
    const first = await request.get('/api/v1/outbox/dead-letters?limit=1').set(auth);
    expect(first.body.items).toHaveLength(1);
    const second = await request.get(`/api/v1/outbox/dead-letters?limit=1&before=${encodeURIComponent(first.body.nextBefore)}`).set(auth);
    expect(second.body.items[0].dedupeKey).toBe('card:dl-1');
    const wecom = await request.get('/api/v1/outbox/dead-letters?platform=wecom').set(auth);
    expect(wecom.body.items).toEqual([]);
  });

  it.each([
    ['ADMIN', 200],
    ['admin', 200],
    ['HR_MANAGER', 200],
    ['HR_SPECIALIST', 403],
    ['FINANCE', 403],
    ['EMPLOYEE', 403],
    ['anonymous', 401],
  ])('answers %s with %i', async (caller, status) => {
    const res = await request.get('/api/v1/outbox/dead-letters').set(headers[caller]!);
    expect(res.status).toBe(status);
    // A 401 also names the header a program should send (details), never in the message a person reads.
    if (status >= 400) expect(res.body.error).toMatchObject({ code: status === 401 ? 'unauthenticated' : 'forbidden', message: expect.any(String) });
    if (status === 401) expect(res.body.error.details).toEqual({ header: 'Authorization: Bearer <ADMIN_TOKEN>' });
  });

  it('rejects an unknown query parameter', async () => {
    const res = await request.get('/api/v1/outbox/dead-letters?status=SENT').set(auth);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});
