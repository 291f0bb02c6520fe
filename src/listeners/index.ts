// Every listener the bot router dispatches to: `createBotRouter(deps, listeners, log)`.
import type { Listener } from '../bot/listener.ts';
import { enrolmentRecordedListener } from './enrolment-recorded-listener.ts';
import { onboardingArrivedListener, onboardingNoShowListener } from './onboarding-arrival-listeners.ts';
import { textCommandListener } from './text-command-listener.ts';

export const listeners: Listener[] = [onboardingArrivedListener, onboardingNoShowListener, enrolmentRecordedListener, textCommandListener];
