// Personal data (个人信息保护法): the privacy notice and its acknowledgement in the H5, and the
// retention periods HR managers set.
import { z } from 'zod';
import { parseRetentionRules, RETENTION_RULES_KEY } from '../../domain/privacy/retention-rules.ts';
import { authorize } from '../../domain/permissions.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { loadStoredRules } from '../../services/load-stored-rules.ts';
import { acknowledgePrivacyNotice } from '../../services/privacy/acknowledge-privacy-notice.ts';
import { getPrivacyNotice } from '../../services/privacy/get-privacy-notice.ts';
import { setRetentionRules } from '../../services/privacy/set-retention-rules.ts';
import { defineRoute } from '../api-route.ts';

const ackBody = z.object({ version: z.number({ message: '请提供所确认的告知版本' }).int() }).strict();
const count = z.number().int();
const retentionBody = z.object({
  contractsYearsAfterExit: count.optional(), wageRecordsYearsAfterExit: count.optional(), attendanceYearsAfterExit: count.optional(),
  proofsYearsAfterExit: count.optional(), locationDays: count.optional(),
}).strict();

export function privacyRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get', path: '/h5/privacy-notice', tag: 'h5', roles: 'any signed-in person',
      summary: 'The privacy notice (what is processed, why, how long, who sees it: 《个人信息保护法》第十七条、第三十条) with the company\'s retention periods, and when the caller acknowledged its current version (null: not yet)',
      handler: ({ actor }) => getPrivacyNotice(deps, { actor }),
    }),
    defineRoute({
      method: 'post', path: '/h5/privacy-notice/acknowledge', tag: 'h5', body: ackBody, roles: 'any signed-in employee (self)',
      summary: 'Acknowledge the version of the privacy notice shown; recorded once per version with the time (audit event privacy.notice_acknowledged)',
      handler: ({ actor, body }) => acknowledgePrivacyNotice(deps, { actor, version: body.version }),
    }),
    defineRoute({
      method: 'get', path: '/settings/retention', action: 'retention.configure', tag: 'settings', roles: 'HR_MANAGER, ADMIN',
      summary: 'Retention periods per record type (years after exit; clock-in positions in days)',
      handler: ({ actor }) => {
        authorize(actor, 'retention.configure');
        return loadStoredRules(deps.db, { key: RETENTION_RULES_KEY, parse: parseRetentionRules, invalid: 'retention rules in AppMeta are invalid' });
      },
    }),
    defineRoute({
      method: 'put', path: '/settings/retention', action: 'retention.configure', tag: 'settings', body: retentionBody, roles: 'HR_MANAGER, ADMIN',
      summary: 'Change retention periods (fields left out keep their value). Contracts, wage, attendance records and proofs: ≥ 2 years after exit (《劳动合同法》第五十条、《工资支付暂行规定》第六条) — a lower value is refused with 400; positions 7–730 days',
      handler: ({ actor, body }) => setRetentionRules(deps, { actor, input: body }),
    }),
  ];
}
