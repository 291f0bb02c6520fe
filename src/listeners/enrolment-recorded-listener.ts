// 已增员 on the 社保增员提醒 card. Thin on purpose: the ids come from the normalized event; the
// service reloads the card and checks the clicker.
import { ENROLMENT_RECORDED } from '../../cards/action-ids.ts';
import type { Listener } from '../bot/listener.ts';
import { recordEnrolment } from '../services/enrolment/record-enrolment.ts';

export const enrolmentRecordedListener: Listener = {
  route: 'card.action',
  actionId: ENROLMENT_RECORDED,
  async handle({ event, actor, deps }) {
    if (event.kind !== 'card.action') return;
    return recordEnrolment(deps, {
      cardKey: event.cardKey,
      actionId: event.actionId,
      actor,
      platform: event.platform,
      platformUserId: event.operatorUserId,
      responseCode: event.responseCode,
    });
  },
};
