// The 社保增员提醒 cards one new alert gets, one per platform, built in memory: the sweep plans a
// whole page of alerts this way and writes them with queue-enrolment-cards.ts in a few statements.
import type { EnrolmentCardFacts, buildEnrolmentDeadlineCard } from '../../../cards/enrolment-deadline-card.ts';
import type { CardModel } from '../../../cards/card-model.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { CardRecipient } from '../cards/card-instance-json.ts';
import type { HrRecipients } from '../cards/find-hr-recipients.ts';
import { enrolmentCardKey, type DueAlert } from '../../domain/enrolment/enrolment-alert.ts';

export interface EnrolmentCardPlanOptions extends DueAlert {
  facts: EnrolmentCardFacts;
  platforms: readonly Platform[];
  recipients: HrRecipients;
  build: typeof buildEnrolmentDeadlineCard;
  h5Url: string;
  /** Quiet hours (docs/notifications.md); undefined: at once. */
  availableAt: Date | undefined;
}

/** One card to queue: the card itself, its platform, who gets it, and the hire it is about. */
export interface PlannedEnrolmentCard {
  card: CardModel;
  platform: Platform;
  to: CardRecipient[];
  employeeId: string;
  availableAt: Date | undefined;
}

/**
 * Platforms without an HR person to tell get no card.
 * @example planEnrolmentCards({ ...due, facts, platforms: ['wecom'], recipients, build, h5Url, availableAt }) // → [{ card, platform: 'wecom', to, … }]
 */
export function planEnrolmentCards(o: EnrolmentCardPlanOptions): PlannedEnrolmentCard[] {
  return o.platforms.flatMap((platform) => {
    // A hire who is HR themselves does not get their own reminder.
    // The first warning goes to the specialists who act on it; escalations reach the managers too.
    const subject = { managerId: o.hire.managerId };
    const hr = o.due.kind === 'warn' ? o.recipients.answering(platform, subject) : o.recipients.everyone(platform, subject);
    const to = hr.filter((r) => r.employeeId !== o.hire.id);
    if (to.length === 0) return [];
    const card = o.build({ facts: o.facts, key: enrolmentCardKey(o.hire.id, o.due.stage, platform, o.hire.clockFrom), h5Url: o.h5Url });
    return [{ card, platform, to, employeeId: o.hire.id, availableAt: o.availableAt }];
  });
}
