// 已到岗 / 未到岗 on the 新员工到岗确认 card. Thin on purpose: the ids come from the normalized
// event; the service reloads the card and checks the clicker.
import { ONBOARDING_ARRIVED, ONBOARDING_NO_SHOW } from '../../cards/action-ids.ts';
import type { Listener } from '../bot/listener.ts';
import { decideOnboardingArrival } from '../services/onboarding/decide-onboarding-arrival.ts';

function arrivalListener(actionId: string): Listener {
  return {
    route: 'card.action',
    actionId,
    async handle({ event, actor, deps }) {
      if (event.kind !== 'card.action') return;
      return decideOnboardingArrival(deps, {
        cardKey: event.cardKey,
        actionId: event.actionId,
        actor,
        platform: event.platform,
        platformUserId: event.operatorUserId,
        responseCode: event.responseCode,
      });
    },
  };
}

export const onboardingArrivedListener = arrivalListener(ONBOARDING_ARRIVED);
export const onboardingNoShowListener = arrivalListener(ONBOARDING_NO_SHOW);
