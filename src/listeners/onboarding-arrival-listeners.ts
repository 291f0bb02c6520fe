// 已到岗 / 未到岗 on the 新员工到岗确认 card.
import { ONBOARDING_ARRIVED, ONBOARDING_NO_SHOW } from '../../cards/action-ids.ts';
import { decideOnboardingArrival } from '../services/onboarding/decide-onboarding-arrival.ts';
import { cardClickListener } from './card-click-listener.ts';

export const onboardingArrivedListener = cardClickListener(ONBOARDING_ARRIVED, decideOnboardingArrival);
export const onboardingNoShowListener = cardClickListener(ONBOARDING_NO_SHOW, decideOnboardingArrival);
