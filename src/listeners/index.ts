// Every listener the bot router dispatches to: `createBotRouter(deps, listeners, log)`.
import type { Listener } from '../bot/listener.ts';
import { onboardingArrivedListener, onboardingNoShowListener } from './onboarding-arrival-listeners.ts';

export const listeners: Listener[] = [onboardingArrivedListener, onboardingNoShowListener];
