// Every listener the bot router dispatches to: `createBotRouter(deps, listeners, log)`.
import type { Listener } from '../bot/listener.ts';
import { absenceContactedListener, absenceUnreachableListener } from './absence-check-listeners.ts';
import { approvalApproveListener, approvalRejectListener } from './approval-listeners.ts';
import { dingtalkAttendanceListener } from './dingtalk-attendance-listener.ts';
import { enrolmentRecordedListener } from './enrolment-recorded-listener.ts';
import { transferStepDoneListener } from './transfer-card-listener.ts';
import { exitAcceptResignationListener, exitRequestTerminationListener, exitSendNoticeListener, exitTaskDoneListener } from './exit-card-listeners.ts';
import { onboardingArrivedListener, onboardingNoShowListener } from './onboarding-arrival-listeners.ts';
import { textCommandListener } from './text-command-listener.ts';

export const listeners: Listener[] = [onboardingArrivedListener, onboardingNoShowListener, enrolmentRecordedListener, approvalApproveListener, approvalRejectListener, absenceContactedListener, absenceUnreachableListener, dingtalkAttendanceListener, exitSendNoticeListener, exitRequestTerminationListener, exitTaskDoneListener, exitAcceptResignationListener, transferStepDoneListener, textCommandListener];
