// The permission matrix, part two: people asking for someone else's things. An employee asks for a
// colleague's records, documents, files and evidence pack; a manager for someone outside their
// reporting line; every role clicks every card button of a card sent to someone else, and the
// recipients without the table's permission click theirs. Each is refused and changes nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { APPROVAL_REQUEST_CARD } from '../../cards/approval-request-card.ts';
import { ABSENCE_CHECK_CARD } from '../../cards/absence-check-card.ts';
import { ENROLMENT_DEADLINE_CARD } from '../../cards/enrolment-deadline-card.ts';
import { EXIT_NEXT_STEP_CARD, EXIT_NOTICE_READY_CARD } from '../../cards/exit-notice-cards.ts';
import { EXIT_RESIGNATION_CARD } from '../../cards/exit-resignation-card.ts';
import { EXIT_TASK_DUE_CARD } from '../../cards/exit-task-cards.ts';
import { ONBOARDING_CONFIRM_CARD } from '../../cards/onboarding-confirm-card.ts';
import { TRANSFER_STEP_DUE_CARD } from '../../cards/transfer-step-cards.ts';
import * as ids from '../../cards/action-ids.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { Role } from '../../src/generated/prisma/enums.ts';
import { listeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { APPROVAL_STEP_SUBJECT } from '../../src/services/approvals/queue-approval-cards.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { pdfBytes } from '../helpers/make-png.ts';
import { tableCounts } from '../helpers/table-counts.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-03-20T02:00:00Z') });
const { request } = createTestApp(t);
const roles: Role[] = ['EMPLOYEE', 'MANAGER', 'HR_SPECIALIST', 'HR_MANAGER', 'FINANCE', 'ADMIN'];
const actors = {} as Record<Role, Actor>;
const headers = {} as Record<Role, Record<string, string>>;
const own = { colleague: '', report: '', proof: '', exception: '' };

beforeAll(async () => {
  const manager = await makeActor(t.deps, ['EMPLOYEE'], { name: '王经理' });
  own.report = (await makeEmployee(t.deps, { managerEmployeeNo: manager.employee.employeeNo })).id;
  own.colleague = (await makeEmployee(t.deps, { name: '李同事' })).id;
  actors.MANAGER = manager.actor;
  for (const role of roles.filter((r) => r !== 'MANAGER')) actors[role] = (await makeActor(t.deps, [role])).actor;
  for (const role of roles) {
    const { token } = await createSession(t.deps, { employeeId: actors[role].id, platform: 'sandbox', method: 'test' });
    headers[role] = { Authorization: `Bearer ${token}` };
  }
  const upload = await request.post('/api/v1/proofs').set(headers.HR_SPECIALIST).field('kind', 'OTHER_EMPLOYER_CONTRIBUTIONS')
    .field('employeeId', own.colleague).field('consent', 'true').attach('file', pdfBytes(), { filename: '缴费记录.pdf' });
  expect(upload.status, JSON.stringify(upload.body)).toBe(201);
  own.proof = upload.body.proofId;
  own.exception = (await t.db.insuranceException.create({ data: { employeeId: own.colleague, kind: 'DUAL_EMPLOYMENT', reasonCategory: 'OTHER_EMPLOYER_PAYS', status: 'DRAFT' } })).id;
});

/** What a colleague's records look like from the outside: each is the colleague's, never the caller's. */
const colleagueRequests = () => [
  request.get(`/api/v1/employees/${own.colleague}`),
  request.get(`/api/v1/employees/${own.colleague}/status-history`),
  request.get(`/api/v1/employees/${own.colleague}/contributions`),
  request.get(`/api/v1/employees/${own.colleague}/enrolment`),
  request.get(`/api/v1/proofs?employeeId=${own.colleague}`),
  request.get(`/api/v1/proofs/${own.proof}/file`),
  request.get(`/api/v1/exceptions/${own.exception}`),
  request.post(`/api/v1/exceptions/${own.exception}/withdraw`),
  request.get(`/api/v1/evidence/packs?employeeId=${own.colleague}`),
  request.get(`/api/v1/attendance?employeeId=${own.colleague}`),
  request.get(`/api/v1/calc/exposure?employeeId=${own.colleague}`),
  request.post('/api/v1/calc/back-pay').send({ employeeId: own.colleague, from: '2026-01', to: '2026-02', payOn: '2026-03-20' }),
  request.get(`/api/v1/declarations/insurance-exception-declaration/${own.exception}`),
];

describe('asking for someone else\'s records', () => {
  it.each(['EMPLOYEE', 'MANAGER', 'FINANCE'] as const)('refuses %s a colleague\'s records, documents, files and evidence pack, and changes nothing', async (role) => {
    const before = await tableCounts(t.db);
    const answers = [];
    for (const req of colleagueRequests()) {
      const res = await req.set(headers[role]);
      answers.push(`${req.url.replace(/^.*\/api\/v1/, '')} ${res.status} ${res.status < 400 ? '' : /[\u4e00-\u9fff]/.test(res.body.error?.message) ? '中文' : JSON.stringify(res.body)}`);
    }
    const refused = answers.filter((a) => / (403|404) 中文$/.test(a));
    // Finance reads everyone's records and money by the table (employee.read, money.read, contribution.read: all).
    const financeMayRead = role === 'FINANCE' ? 5 : 0;
    expect(refused.length, answers.join('\n')).toBe(answers.length - financeMayRead);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('lets a manager read a report in their line, and refuses one outside it', async () => {
    expect((await request.get(`/api/v1/employees/${own.report}`).set(headers.MANAGER)).status).toBe(200);
    expect((await request.get(`/api/v1/attendance?employeeId=${own.report}`).set(headers.MANAGER)).status).toBe(200);
    expect((await request.get(`/api/v1/employees/${own.colleague}`).set(headers.MANAGER)).status).toBe(404);
    expect((await request.get(`/api/v1/attendance?employeeId=${own.colleague}`).set(headers.MANAGER)).status).toBe(403);
  });
});

const cardTypeOf: Record<string, { type: string; subjectType?: string }> = {
  [ids.ONBOARDING_ARRIVED]: { type: ONBOARDING_CONFIRM_CARD }, [ids.ONBOARDING_NO_SHOW]: { type: ONBOARDING_CONFIRM_CARD },
  [ids.ENROLMENT_RECORDED]: { type: ENROLMENT_DEADLINE_CARD },
  [ids.ABSENCE_CONTACTED]: { type: ABSENCE_CHECK_CARD, subjectType: 'absence_case' }, [ids.ABSENCE_UNREACHABLE]: { type: ABSENCE_CHECK_CARD, subjectType: 'absence_case' },
  [ids.APPROVAL_APPROVE]: { type: APPROVAL_REQUEST_CARD, subjectType: APPROVAL_STEP_SUBJECT }, [ids.APPROVAL_REJECT]: { type: APPROVAL_REQUEST_CARD, subjectType: APPROVAL_STEP_SUBJECT },
  [ids.EXIT_SEND_NOTICE]: { type: EXIT_NOTICE_READY_CARD }, [ids.EXIT_REQUEST_TERMINATION]: { type: EXIT_NEXT_STEP_CARD },
  [ids.EXIT_TASK_DONE]: { type: EXIT_TASK_DUE_CARD }, [ids.EXIT_ACCEPT_RESIGNATION]: { type: EXIT_RESIGNATION_CARD },
  [ids.TRANSFER_STEP_DONE]: { type: TRANSFER_STEP_DUE_CARD },
};
/** The buttons only HR may press, by the table; the others answer to whoever the card names. */
const hrButtons = new Set([ids.ONBOARDING_ARRIVED, ids.ONBOARDING_NO_SHOW, ids.ENROLMENT_RECORDED, ids.EXIT_SEND_NOTICE, ids.EXIT_REQUEST_TERMINATION, ids.EXIT_TASK_DONE, ids.EXIT_ACCEPT_RESIGNATION, ids.TRANSFER_STEP_DONE]);
const buttons = listeners.filter((l) => l.route === 'card.action' && l.actionId);

async function click(actionId: string, recipient: Actor, clicker: Role) {
  const { type, subjectType } = cardTypeOf[actionId]!;
  const cardKey = `matrix-${randomUUID()}`;
  await t.db.cardInstance.create({ data: { cardKey, platform: 'sandbox', type, subjectType, subjectId: randomUUID(), recipients: [{ userId: `u-${recipient.id}`, employeeId: recipient.id }], model: {} } });
  const before = await tableCounts(t.db);
  const event = { kind: 'card.action' as const, platform: 'sandbox' as const, deliveryId: randomUUID(), operatorUserId: `u-${actors[clicker].id}`, receivedAt: new Date(), cardKey, actionId };
  const reply = await buttons.find((l) => l.actionId === actionId)!.handle({ event, actor: actors[clicker], deps: t.deps, log: createLogger('silent') });
  expect(await tableCounts(t.db)).toEqual(before);
  expect(await t.db.cardInstance.findUniqueOrThrow({ where: { cardKey } })).toMatchObject({ state: 'OPEN', decision: null });
  return reply?.text ?? '';
}

describe('every card button', () => {
  it('knows the card of every button the listeners handle', () => {
    expect(buttons.map((l) => l.actionId).filter((a) => !cardTypeOf[a!])).toEqual([]);
  });

  it.each(buttons.map((l) => l.actionId!))('refuses %s to every role when the card was sent to someone else', async (actionId) => {
    const colleague = (await t.db.employee.findUniqueOrThrow({ where: { id: own.colleague } }));
    const recipient = { ...actors.EMPLOYEE, id: colleague.id };
    for (const role of roles) expect(await click(actionId, recipient, role)).toMatch(/不是这张卡片的处理人|不是发给你的/);
  });

  it.each([...hrButtons])('refuses %s to a recipient whose roles lack the permission', async (actionId) => {
    for (const role of ['EMPLOYEE', 'MANAGER', 'FINANCE'] as const) expect(await click(actionId, actors[role], role)).toMatch(/只有人事/);
  });
});
