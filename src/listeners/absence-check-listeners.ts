// 已联系上 / 无法联系 on the 员工连续未打卡 card.
import { ABSENCE_CONTACTED, ABSENCE_UNREACHABLE } from '../../cards/action-ids.ts';
import { decideAbsenceCheck } from '../services/absence/decide-absence-check.ts';
import { cardClickListener } from './card-click-listener.ts';

export const absenceContactedListener = cardClickListener(ABSENCE_CONTACTED, decideAbsenceCheck);
export const absenceUnreachableListener = cardClickListener(ABSENCE_UNREACHABLE, decideAbsenceCheck);
