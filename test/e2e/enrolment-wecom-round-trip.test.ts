// The 社保增员提醒 round trip through the real HTTP stack with the WeCom fake: the day-23 card goes
// out through the outbox, a signed click on 已增员 records the enrolment and updates the card for
// every recipient, and the day-28 sweep then sends nothing.
import { describe, expect, it } from 'vitest';
import { ENROLMENT_RECORDED } from '../../cards/action-ids.ts';
import { enrolmentDeadlineSweep } from '../../src/jobs/definitions/enrolment-deadline-sweep.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { wecomDeployment } from './wecom-e2e-kit.ts';
import { waitFor } from '../outbox/outbox-kit.ts';

const t = await createTestDb();
const { fake, deps, log, startWorkers: startDeliveries, click: signedClick } = await wecomDeployment(t);
const sweep = (asOf: string) => runJob(deps, enrolmentDeadlineSweep, { asOf, trigger: 'cli', log });
const templateCards = () => fake.delivered.filter((d) => d.msgtype === 'template_card');

describe('WeCom enrolment reminder round trip', () => {
  it('sends the day-23 card, records 已增员 from a signed click, updates the card, and never sends day 28', async () => {
    await makeEmployee(t.deps, { name: '人事甲', roles: ['HR_SPECIALIST'], enrolledOn: '2026-01-05', identities: { wecom: 'hr-a' } });
    await makeEmployee(t.deps, { name: '人事乙', roles: ['HR_SPECIALIST'], enrolledOn: '2026-01-05', identities: { wecom: 'hr-b' } });
    await makeEmployee(t.deps, { name: '经理丁', roles: ['HR_MANAGER'], enrolledOn: '2026-01-05', identities: { wecom: 'hr-m' } });
    const hire = await makeEmployee(t.deps, { name: '新人丙', startDate: '2026-11-20' });
    await startDeliveries();

    expect(await sweep('2026-12-14')).toContain('new alerts: 1 day-23');
    const cards = await waitFor('the day-23 card at WeCom', async () => (templateCards().length === 2 ? templateCards() : undefined));
    expect(cards.map((d) => d.userId).sort()).toEqual(['hr-a', 'hr-b']);
    const taskId = cards[0]!.taskId!;
    expect(JSON.stringify(cards[0]!.message)).toContain('入职已满24天');

    const code = await waitFor('response codes', async () => {
      const card = await t.db.cardInstance.findUnique({ where: { cardKey: taskId } });
      return (card?.responseCodes as Record<string, string> | null)?.['hr-a'];
    });
    const res = await signedClick({ from: 'hr-a', taskId, eventKey: ENROLMENT_RECORDED, responseCode: code }).send();
    expect(res.status).toBe(200);

    await waitFor('the enrolment', async () => (await t.db.enrolment.count({ where: { employeeId: hire.id, status: 'ENROLLED' } })) === 5);
    const updates = await waitFor('update_template_card', async () => (fake.cardUpdates.flatMap((u) => u.userIds).length >= 2 ? fake.cardUpdates : undefined));
    expect(updates.flatMap((u) => u.userIds).sort()).toEqual(['hr-a', 'hr-b']);
    expect(JSON.stringify(updates[0]!.card)).toContain('已增员 · 人事甲');

    expect(await sweep('2026-12-18')).toContain('new alerts: 0 day-23, 0 day-28, 0 overdue');
    expect(await sweep('2026-12-22')).toContain('queued 0 card(s)');
    await new Promise((r) => setTimeout(r, 200));
    expect(templateCards()).toHaveLength(2);
    expect(await t.db.alert.count({ where: { employeeId: hire.id } })).toBe(1);
  });
});
