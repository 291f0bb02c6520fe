// 已增员 on the 社保增员提醒 card.
import { ENROLMENT_RECORDED } from '../../cards/action-ids.ts';
import { recordEnrolment } from '../services/enrolment/record-enrolment.ts';
import { cardClickListener } from './card-click-listener.ts';

export const enrolmentRecordedListener = cardClickListener(ENROLMENT_RECORDED, recordEnrolment);
