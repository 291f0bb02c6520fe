// Import a city policy file (the CLI, the API, the seed): validate it, upsert its periods, drop the
// stored periods it supersedes, and report what changed. One transaction writes the periods, the
// audit event and the 社保政策已更新 card to HR, so a half-imported city never exists.
import { isDeepStrictEqual } from 'node:util';
import type { Actor } from '../../domain/actor.ts';
import { parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { describePolicyIssues } from '../../domain/policy/describe-policy-issues.ts';
import { periodName, policyFileSchema } from '../../domain/policy/policy-file-schema.ts';
import { unverifiedWarning } from '../../domain/policy/policy-period.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { periodAsFile, periodFromRow, rowData } from './policy-rows.ts';
import { queuePolicyUpdatedCard } from './queue-policy-updated-card.ts';

export interface PolicyImportReport {
  city: string;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  /** 「政策数据未经核实：…」 when the file has unverified periods. */
  unverified: string | null;
  cardsQueued: number;
}

type ImportDeps = Pick<ServiceDeps, 'db' | 'chatPlatforms' | 'outbox' | 'publicBaseUrl' | 'businessTz' | 'now'>;

/**
 * @example
 *   const report = await importPolicyFile(deps, { actor, file: JSON.parse(text) });
 *   report.added // ['2025-07 起']
 */
export async function importPolicyFile(deps: ImportDeps, o: { actor: Actor; file: unknown; notify?: boolean }): Promise<PolicyImportReport> {
  authorize(o.actor, 'policy.manage');
  const parsed = policyFileSchema.safeParse(o.file);
  if (!parsed.success) {
    const problems = describePolicyIssues(parsed.error, o.file);
    throw new AppError('validation_failed', `政策文件有误，未导入任何内容：${problems.join('；')}`, { errors: problems });
  }
  const file = parsed.data;
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('policy.import'))`;
    const stored = await tx.cityPolicy.findMany({ where: { city: file.city }, orderBy: { effectiveFrom: 'asc' } });
    const report: PolicyImportReport = { city: file.city, added: [], changed: [], removed: [], unchanged: [], unverified: unverifiedWarning(file.city, file.periods), cardsQueued: 0 };
    const changedFrom: string[] = [];
    for (const p of file.periods) {
      const existing = stored.find((r) => r.effectiveFrom.toISOString().slice(0, 7) === p.from);
      const before = existing ? periodFromRow(existing) : null;
      const input = { ...p, source: p.source ?? null };
      if (before && isDeepStrictEqual(periodAsFile(before), input)) { report.unchanged.push(periodName(p)); continue; }
      (existing ? report.changed : report.added).push(periodName(p));
      changedFrom.push(p.from);
      const data = rowData(p, file.cityCode);
      await tx.cityPolicy.upsert({ where: { city_effectiveFrom: { city: file.city, effectiveFrom: parseDay(`${p.from}-01`) } }, create: { city: file.city, effectiveFrom: parseDay(`${p.from}-01`), ...data }, update: data });
    }
    // Stored periods the file does not name but overlaps are superseded; others are kept.
    for (const r of stored) {
      const from = r.effectiveFrom.toISOString().slice(0, 7);
      const to = r.effectiveTo ? r.effectiveTo.toISOString().slice(0, 7) : null;
      if (file.periods.some((p) => p.from === from)) continue;
      if (!file.periods.some((p) => (p.to === null || p.to >= from) && (to === null || to >= p.from))) continue;
      await tx.cityPolicy.delete({ where: { id: r.id } });
      report.removed.push(periodName({ from, to }));
      changedFrom.push(from);
    }
    if (changedFrom.length === 0) return report;
    await writeAuditEvent(tx, o.actor, { type: 'policy.imported', data: { city: file.city, added: report.added, changed: report.changed, removed: report.removed, unchanged: report.unchanged.length } }, { type: 'company', id: `policy:${file.city}` });
    if (o.notify !== false) {
      const changes = [...report.added.map((n) => `新增 ${n}`), ...report.changed.map((n) => `修改 ${n}`), ...report.removed.map((n) => `删除 ${n}`)];
      report.cardsQueued = await queuePolicyUpdatedCard(deps, tx, { actor: o.actor, city: file.city, fromMonth: changedFrom.sort()[0]!, changes, unverified: report.unverified });
    }
    return report;
  });
}
