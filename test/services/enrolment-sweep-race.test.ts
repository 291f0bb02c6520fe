// Two instances running the enrolment sweep at the same moment (each with its own transaction per
// page, through the real pg-boss outbox): the Alert row's unique key lets only one of them create
// each alert, so each alert, each card and each outbox message exists exactly once, the group copy too.
import { beforeEach, describe, expect, it } from 'vitest';
import { sendEnrolmentAlerts } from '../../src/services/enrolment/send-enrolment-alerts.ts';
import { defaultNotificationPreferences } from '../../src/domain/notifications/notification-preferences.ts';
import { createLogger } from '../../src/log.ts';
import { clearAlertState, withAlertAudience } from '../helpers/alert-audience.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const log = createLogger('silent');
const GROUP = 'hr-group';

beforeEach(() => clearAlertState(t.db));

async function seedHires(count: number) {
  await makeEmployee(t.deps, { name: '李专员', roles: ['HR_SPECIALIST'], identities: { sandbox: 'hr-s' }, enrolledOn: '2026-01-05' });
  await makeEmployee(t.deps, { name: '王经理', roles: ['HR_MANAGER'], identities: { sandbox: 'hr-m' }, enrolledOn: '2026-01-05' });
  // Started 2026-11-20: on 12-18 both day 23 (late: sent the working day before day 28) and day 28 are due.
  for (let i = 0; i < count; i++) await makeEmployee(t.deps, { name: `新员工${i}`, status: 'ONBOARDING', startDate: '2026-11-20' });
}

const sweep = (batchSize: number) => sendEnrolmentAlerts(t.deps, { asOf: '2026-12-18', platforms: ['sandbox'], publicBaseUrl: 'https://hr.example.com', batchSize, log });

describe('enrolment-deadline-sweep, two instances at once', () => {
  it('creates each alert and card once and queues one outbox message per card and one group copy', async () => {
    await seedHires(7);
    const sentBefore = await t.db.auditEvent.count({ where: { type: 'card.sent' } });
    const audience = { ...defaultNotificationPreferences.kinds.enrolment, groupChatId: GROUP };
    // Pages of 3: the two runs interleave page by page instead of one finishing first.
    const summaries = await withAlertAudience(t.db, 'enrolment', audience, () => Promise.all([sweep(3), sweep(3)]));
    const alerts = await t.db.alert.findMany({ select: { uniqueKey: true, cardKey: true } });
    const cards = await t.db.cardInstance.findMany({ select: { cardKey: true } });
    const messages = await t.db.outboxMessage.findMany({ select: { dedupeKey: true } });
    const jobs = await t.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'outbox'`);
    const sent = (await t.db.auditEvent.count({ where: { type: 'card.sent' } })) - sentBefore;
    expect(alerts).toHaveLength(cards.length);
    expect(new Set(alerts.map((a) => a.cardKey))).toEqual(new Set(cards.map((c) => c.cardKey)));
    expect(cards.length).toBeGreaterThanOrEqual(7);
    expect(messages.map((m) => m.dedupeKey).sort()).toEqual(cards.flatMap((c) => [`card:${c.cardKey}`, `group:${GROUP}:${c.cardKey}`]).sort());
    expect(Number(jobs[0]?.n)).toBe(messages.length);
    expect(sent).toBe(cards.length);
    // Between them the two runs report every alert once.
    expect(summaries[0]!.cards + summaries[1]!.cards).toBe(cards.length);
  });
});
