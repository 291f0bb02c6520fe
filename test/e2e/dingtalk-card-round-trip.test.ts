// The DingTalk round trip: a card goes out through the outbox (createAndDeliver on the API
// fake), the click arrives as a CALLBACK frame on the fake Stream gateway, is acked within 2 s,
// the listener decides, and the card is updated through PUT /v1.0/card/instances.
import { TOPIC_CARD } from 'dingtalk-stream';
import { describe, expect, it, vi } from 'vitest';
import { ONBOARDING_ARRIVED } from '../../cards/action-ids.ts';
import { sendOnboardingConfirmations } from '../../src/services/onboarding/send-onboarding-confirmations.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { dingtalkDeployment } from './dingtalk-e2e-kit.ts';
import { waitFor } from '../outbox/outbox-kit.ts';

const t = await createTestDb();
const { api, gateway, env, deps, receiver, startWorkers: startDeliveries } = await dingtalkDeployment(t);

describe('DingTalk card round trip over Stream', () => {
  it('delivers the card, acks the click frame in time, decides, and updates the card', async () => {
    await makeEmployee(t.deps, { name: '钉钉人事', roles: ['HR_SPECIALIST'], identities: { dingtalk: 'ding-hr' } });
    const hire = await makeEmployee(t.deps, { name: '钉钉新人', status: 'ONBOARDING', startDate: '2026-11-21' });
    await startDeliveries();
    await vi.waitFor(() => expect(receiver.state().state).toBe('connected'), { timeout: 5000, interval: 20 });

    await sendOnboardingConfirmations(deps, { asOf: '2026-11-22', platforms: ['dingtalk'], publicBaseUrl: env.PUBLIC_BASE_URL });
    const card = await waitFor('createAndDeliver', async () => [...api.cards.values()][0]);
    expect(card.userIds).toEqual(['ding-hr']);

    const click = { type: 'actionCallback', outTrackId: card.outTrackId, userId: 'ding-hr', corpId: 'ding-corp', content: JSON.stringify({ cardPrivateData: { actionIds: [ONBOARDING_ARRIVED], params: {} } }) };
    const pushed = gateway.pushCallback(TOPIC_CARD, click);
    const ack = await gateway.waitForAck(pushed.messageId, 1, 2000);
    expect(ack.code).toBe(200);

    await waitFor('the employee to become ACTIVE', async () => (await t.db.employee.findUniqueOrThrow({ where: { id: hire.id } })).status === 'ACTIVE');
    const updated = await waitFor('the card update', async () => (card.updates.length > 0 ? card.updates : undefined));
    expect(JSON.stringify(updated.at(-1))).toContain('已确认到岗');
  });
});
