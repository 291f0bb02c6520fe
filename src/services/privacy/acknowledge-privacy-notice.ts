// The employee acknowledges the privacy notice they were shown (个人信息保护法 第十七条): recorded
// once per version with the time, and an audit event. Acknowledging again changes nothing.
import type { Actor } from '../../domain/actor.ts';
import { PRIVACY_NOTICE_VERSION } from '../../domain/privacy/privacy-notice.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';

/** @example await acknowledgePrivacyNotice(deps, { actor, version: 1 }) // → { acknowledgedAt: '2026-12-07T…' } */
export async function acknowledgePrivacyNotice(deps: Pick<ServiceDeps, 'db' | 'now'>, o: { actor: Actor; version: number }): Promise<{ acknowledgedAt: string }> {
  if (o.actor.kind !== 'employee') throw new AppError('forbidden', '个人信息处理告知需由员工本人确认，请以员工身份登录');
  if (o.version !== PRIVACY_NOTICE_VERSION) throw new AppError('conflict', '告知内容已更新，请刷新页面阅读最新版本后再确认');
  const employeeId = o.actor.id;
  return deps.db.$transaction(async (tx) => {
    const key = { employeeId_version: { employeeId, version: o.version } };
    const existing = await tx.privacyAcknowledgement.findUnique({ where: key });
    if (existing) return { acknowledgedAt: existing.acknowledgedAt.toISOString() };
    const created = await tx.privacyAcknowledgement.upsert({ where: key, create: { employeeId, version: o.version, acknowledgedAt: deps.now() }, update: {} });
    await writeAuditEvent(tx, o.actor, { type: 'privacy.notice_acknowledged', data: { version: o.version } }, { type: 'employee', id: employeeId });
    return { acknowledgedAt: created.acknowledgedAt.toISOString() };
  });
}
