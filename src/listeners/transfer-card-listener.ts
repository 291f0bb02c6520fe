// 今日已办结 on the pension transfer reminder cards (cards/transfer-step-cards.ts).
import { TRANSFER_STEP_DONE } from '../../cards/action-ids.ts';
import { decideTransferCard } from '../services/transfer/decide-transfer-card.ts';
import { cardClickListener } from './card-click-listener.ts';

export const transferStepDoneListener = cardClickListener(TRANSFER_STEP_DONE, decideTransferCard);
