// The WeCom round trip through the real HTTP stack: a card goes out through the outbox to the
// WeCom fake, a signed template_card_event click comes back to /callbacks/wecom, the listener
// decides, and the card is updated for every recipient through update_template_card.
import { describe, expect, it } from 'vitest';
import { ONBOARDING_ARRIVED } from '../../cards/action-ids.ts';
import { sendOnboardingConfirmations } from '../../src/services/onboarding/send-onboarding-confirmations.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { wecomDeployment } from './wecom-e2e-kit.ts';
import { waitFor } from '../outbox/outbox-kit.ts';

const t = await createTestDb();
const { fake, env, deps, startWorkers: startDeliveries, click: signedClick } = await wecomDeployment(t);

describe('WeCom card round trip', () => {
  it('sends the card, takes the signed click, decides, and updates the card for every recipient', async () => {
    await makeEmployee(t.deps, { name: '人事甲', roles: ['HR_SPECIALIST'], identities: { wecom: 'hr-a' } });
    await makeEmployee(t.deps, { name: '人事乙', roles: ['HR_SPECIALIST'], identities: { wecom: 'hr-b' } });
    const hire = await makeEmployee(t.deps, { name: '新人丙', status: 'ONBOARDING', startDate: '2026-11-20' });
    await startDeliveries();

    const sent = await sendOnboardingConfirmations(deps, { asOf: '2026-11-22', platforms: ['wecom'], publicBaseUrl: env.PUBLIC_BASE_URL });
    expect(sent.queued).toBe(1);
    const cards = await waitFor('the card at WeCom', async () => (fake.delivered.filter((d) => d.msgtype === 'template_card').length === 2 ? fake.delivered : undefined));
    const taskId = cards[0]!.taskId!;
    expect(cards.map((d) => d.userId).sort()).toEqual(['hr-a', 'hr-b']);
    expect(cards[0]!.message).toMatchObject({ card_type: 'button_interaction', task_id: taskId });

    // WeCom hands the clicker a fresh single-use code; the fake only knows codes it issued, so the
    // click carries hr-a's unused code from the send.
    const codes = await waitFor('response codes', async () => {
      const card = await t.db.cardInstance.findUnique({ where: { cardKey: taskId } });
      return (card?.responseCodes as Record<string, string> | null)?.['hr-a'];
    });
    const clickCode = codes;
    const clicked = signedClick({ from: 'hr-a', taskId, eventKey: ONBOARDING_ARRIVED, responseCode: clickCode });
    const res = await clicked.send();
    expect(res.status).toBe(200);
    expect(res.text).toBe('');

    await waitFor('the employee to become ACTIVE', async () => (await t.db.employee.findUniqueOrThrow({ where: { id: hire.id } })).status === 'ACTIVE');
    const updates = await waitFor('update_template_card', async () => (fake.cardUpdates.flatMap((u) => u.userIds).length >= 2 ? fake.cardUpdates : undefined));
    expect(updates.flatMap((u) => u.userIds).sort()).toEqual(['hr-a', 'hr-b']);
    expect(JSON.stringify(updates[0]!.card)).toContain('已确认到岗');

    const again = await clicked.send();
    expect(again.status).toBe(200);
    expect(await t.db.statusChange.count({ where: { employeeId: hire.id } })).toBe(2);
  });
});
