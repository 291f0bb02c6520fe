// The buttons of the exit cards (cards/exit-*.ts): one listener per action id.
import { EXIT_ACCEPT_RESIGNATION, EXIT_REQUEST_TERMINATION, EXIT_SEND_NOTICE, EXIT_TASK_DONE } from '../../cards/action-ids.ts';
import { decideExitCard } from '../services/exits/decide-exit-card.ts';
import { cardClickListener } from './card-click-listener.ts';

export const exitSendNoticeListener = cardClickListener(EXIT_SEND_NOTICE, decideExitCard);
export const exitRequestTerminationListener = cardClickListener(EXIT_REQUEST_TERMINATION, decideExitCard);
export const exitTaskDoneListener = cardClickListener(EXIT_TASK_DONE, decideExitCard);
export const exitAcceptResignationListener = cardClickListener(EXIT_ACCEPT_RESIGNATION, decideExitCard);
