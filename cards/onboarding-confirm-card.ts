// 新员工到岗确认. The 30-day enrolment clock of 《社会保险法》第五十八条 runs from the first day
// of work (用工之日), not the contract date, so HR confirms that the hire really came in.
import { ONBOARDING_ARRIVED, ONBOARDING_NO_SHOW } from './action-ids.ts';
import type { CardDecision, CardModel } from './card-model.ts';
import { decisionButtons } from './decision-buttons.ts';

export const ONBOARDING_CONFIRM_CARD = 'onboarding.confirm';

/** What the card shows after each button; also the decision stored on CardInstance. */
export const onboardingDecisionLabels = {
  [ONBOARDING_ARRIVED]: '已确认到岗',
  [ONBOARDING_NO_SHOW]: '已确认未到岗',
} as const;

export interface OnboardingCardEmployee {
  name: string;
  department: string;
  position?: string | null;
  /** 'YYYY-MM-DD' */
  startDate: string;
}

/**
 * @example
 *   buildOnboardingConfirmCard({ employee, key: 'onb-…-wecom', h5Url: `${publicBaseUrl}/app/me` })
 */
export function buildOnboardingConfirmCard(opts: {
  employee: OnboardingCardEmployee;
  key: string;
  h5Url: string;
  decided?: CardDecision;
}): CardModel {
  const { employee } = opts;
  return {
    type: ONBOARDING_CONFIRM_CARD,
    key: opts.key,
    title: '新员工到岗确认',
    subtitle: opts.decided ? `${employee.name} 的到岗确认已处理` : `${employee.name} 的入职日期已到，请确认是否已到岗`,
    rows: [
      { label: '姓名', value: employee.name },
      { label: '部门', value: employee.department },
      { label: '岗位', value: employee.position || '—' },
      { label: '入职日期', value: employee.startDate },
    ],
    legalBasis: '依据《社会保险法》第五十八条：自用工之日起三十日内办理社保登记',
    buttons: decisionButtons({ actionId: ONBOARDING_ARRIVED, text: '已到岗' }, { actionId: ONBOARDING_NO_SHOW, text: '未到岗' }, opts.h5Url),
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
