// Button action ids, imported by the card builders and by the listeners that handle the
// clicks, so a renamed button can never silently lose its handler. They travel as the WeCom
// button key (EventKey) and the DingTalk actionId: keep them short and [a-z_.] only.

/** 新员工到岗确认: the hire came in on the start date. */
export const ONBOARDING_ARRIVED = 'onboarding.arrived';
/** 新员工到岗确认: the hire never came; the hire is cancelled. */
export const ONBOARDING_NO_SHOW = 'onboarding.no_show';

/** 社保增员提醒: HR has enrolled the hire; records the enrolment and stops the reminders. */
export const ENROLMENT_RECORDED = 'enrolment.recorded';
