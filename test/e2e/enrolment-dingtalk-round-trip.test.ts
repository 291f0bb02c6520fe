// The 社保增员提醒 round trip with the DingTalk fakes: the day-23 card is delivered, the 已增员
// click arrives as a Stream CALLBACK frame, the enrolment is recorded, the card is updated, and
// the day-28 sweep sends nothing.
import { TOPIC_CARD } from 'dingtalk-stream';
import { describe, expect, it, vi } from 'vitest';
import { ENROLMENT_RECORDED } from '../../cards/action-ids.ts';
import { enrolmentDeadlineSweep } from '../../src/jobs/definitions/enrolment-deadline-sweep.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { dingtalkDeployment } from './dingtalk-e2e-kit.ts';
import { waitFor } from '../outbox/outbox-kit.ts';

const t = await createTestDb();
const { api, gateway, deps, log, receiver, startWorkers: startDeliveries } = await dingtalkDeployment(t);
const sweep = (asOf: string) => runJob(deps, enrolmentDeadlineSweep, { asOf, trigger: 'cli', log });

describe('DingTalk enrolment reminder round trip over Stream', () => {
  it('delivers the day-23 card, records 已增员 from the click frame, updates the card, and never sends day 28', async () => {
    await makeEmployee(t.deps, { name: '钉钉人事', roles: ['HR_SPECIALIST'], enrolledOn: '2026-01-05', identities: { dingtalk: 'ding-hr' } });
    await makeEmployee(t.deps, { name: '钉钉经理', roles: ['HR_MANAGER'], enrolledOn: '2026-01-05', identities: { dingtalk: 'ding-m' } });
    const hire = await makeEmployee(t.deps, { name: '钉钉新人', startDate: '2026-11-20' });
    await startDeliveries();
    await vi.waitFor(() => expect(receiver.state().state).toBe('connected'), { timeout: 5000, interval: 20 });

    await sweep('2026-12-14');
    const card = await waitFor('createAndDeliver', async () => [...api.cards.values()][0]);
    expect(card.userIds).toEqual(['ding-hr']);

    const click = { type: 'actionCallback', outTrackId: card.outTrackId, userId: 'ding-hr', corpId: 'ding-corp', content: JSON.stringify({ cardPrivateData: { actionIds: [ENROLMENT_RECORDED], params: {} } }) };
    const pushed = gateway.pushCallback(TOPIC_CARD, click);
    expect((await gateway.waitForAck(pushed.messageId, 1, 2000)).code).toBe(200);

    await waitFor('the enrolment', async () => (await t.db.enrolment.count({ where: { employeeId: hire.id, status: 'ENROLLED' } })) === 5);
    const updated = await waitFor('the card update', async () => (card.updates.length > 0 ? card.updates : undefined));
    expect(JSON.stringify(updated.at(-1))).toContain('已增员');

    expect(await sweep('2026-12-18')).toContain('queued 0 card(s)');
    await new Promise((r) => setTimeout(r, 200));
    expect(api.cards.size).toBe(1);
  });
});
