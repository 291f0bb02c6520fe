import { sendOnboardingConfirmations } from '../../services/onboarding/send-onboarding-confirmations.ts';
import type { JobDefinition } from '../job-definition.ts';

/** Asks HR to confirm each hire's first day of work, which starts the 30-day enrolment clock (社会保险法 Art. 58). */
export const onboardingArrivalCheck: JobDefinition = {
  name: 'onboarding-arrival-check',
  description: '新员工入职日已到：发送到岗确认卡片给人事',
  cron: '0 10 * * *',
  async run({ deps, asOf }) {
    const r = await sendOnboardingConfirmations(deps, { asOf, platforms: deps.chatPlatforms, publicBaseUrl: deps.publicBaseUrl });
    const missing = r.withoutRecipients.length > 0 ? `; no HR person reachable on ${r.withoutRecipients.join(', ')}` : '';
    return `found ${r.found} arrival(s) to confirm, queued ${r.queued} card(s)${missing}`;
  },
};
