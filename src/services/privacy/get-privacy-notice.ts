// The privacy notice (个人信息保护法 第十七条) with the company's retention periods, and whether the
// signed-in employee has acknowledged its current version.
import type { Actor } from '../../domain/actor.ts';
import { privacyNoticeText, type PrivacyNoticeView } from '../../domain/privacy/privacy-notice.ts';
import { parseRetentionRules, RETENTION_RULES_KEY } from '../../domain/privacy/retention-rules.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadStoredRules } from '../load-stored-rules.ts';

/** @example const n = await getPrivacyNotice(deps, { actor }); if (!n.acknowledgedAt) … */
export async function getPrivacyNotice(deps: Pick<ServiceDeps, 'db'>, o: { actor: Actor }): Promise<PrivacyNoticeView> {
  const rules = await loadStoredRules(deps.db, { key: RETENTION_RULES_KEY, parse: parseRetentionRules, invalid: 'retention rules in AppMeta are invalid' });
  const text = privacyNoticeText(rules);
  const ack = o.actor.kind === 'employee'
    ? await deps.db.privacyAcknowledgement.findUnique({ where: { employeeId_version: { employeeId: o.actor.id, version: text.version } } })
    : null;
  return { ...text, acknowledgedAt: ack?.acknowledgedAt.toISOString() ?? null };
}
