import { z } from 'zod';
import { platformSchema } from '../../bot/inbound-event.ts';
import { sendOnboardingConfirmations } from '../../services/onboarding/send-onboarding-confirmations.ts';
import type { JobDefinition } from '../job-definition.ts';

// ServiceDeps does not yet say which chat platforms are configured or what PUBLIC_BASE_URL is.
// Until the composition root adds them (`chatPlatforms`, `publicBaseUrl`), read them if present
// and fall back to the sandbox with same-origin links.
const chatSettings = z.object({
  chatPlatforms: z.array(platformSchema).min(1).default(['sandbox']),
  publicBaseUrl: z.string().default(''),
});

/** Asks HR to confirm each hire's first day of work, which starts the 30-day enrolment clock (社会保险法 Art. 58). */
export const onboardingArrivalCheck: JobDefinition = {
  name: 'onboarding-arrival-check',
  description: '新员工入职日已到：发送到岗确认卡片给人事',
  cron: '0 10 * * *',
  async run({ deps, asOf }) {
    const { chatPlatforms, publicBaseUrl } = chatSettings.parse(deps);
    const r = await sendOnboardingConfirmations(deps, { asOf, platforms: chatPlatforms, publicBaseUrl });
    const missing = r.withoutRecipients.length > 0 ? `; no HR person reachable on ${r.withoutRecipients.join(', ')}` : '';
    return `found ${r.found} arrival(s) to confirm, queued ${r.queued} card(s)${missing}`;
  },
};
