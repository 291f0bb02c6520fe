// HR stores a company rule as adopted (劳动合同法 第四条): the rule's PDF, the adoption record (day,
// 职工代表大会 or 全体职工讨论) with its minutes, and the article the exit notices quote. A new version
// supersedes the previous one of the same kind (compare-and-set, so two uploads cannot both be
// "current"). Both files are evidence entries; the tree head is sealed after commit. The staff at
// work are sent the new version to read and sign (queue-rule-version-notices.ts).
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { adoptionMethodLabels, bookTitle, type AdoptionMethod, type CompanyRuleKind } from '../../domain/company-rules/company-rule.ts';
import { dayIn, parseDay } from '../../domain/dates.ts';
import { acceptProofFile } from '../../domain/files/sniff-file-type.ts';
import { authorize } from '../../domain/permissions.ts';
import { cleanFileName } from '../../domain/proofs/proof-kinds.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { appendEvidence } from '../evidence/append-evidence.ts';
import { sealTreeHead } from '../evidence/seal-tree-head.ts';
import { storeFile } from '../files/store-file.ts';
import { queueRuleVersionNotices } from './queue-rule-version-notices.ts';

export interface UploadedRuleFile {
  fileName: string;
  bytes: Buffer;
}

export interface StoreCompanyRuleOptions {
  actor: Actor;
  kind: CompanyRuleKind;
  title: string;
  article: string;
  adoptedOn: string;
  adoptionMethod: AdoptionMethod;
  document: UploadedRuleFile;
  minutes: UploadedRuleFile;
}

/**
 * @example
 *   const { ruleId, version } = await storeCompanyRule(deps, { actor, kind: 'attendance', title: '员工考勤管理制度', article: '连续旷工三个工作日…',
 *     adoptedOn: '2026-03-01', adoptionMethod: 'WORKERS_CONGRESS', document: { fileName: '考勤制度.pdf', bytes }, minutes: { fileName: '职代会纪要.pdf', bytes } });
 */
export async function storeCompanyRule(deps: ServiceDeps, o: StoreCompanyRuleOptions): Promise<{ ruleId: string; version: number; text: string }> {
  authorize(o.actor, 'company_rule.manage');
  // The uploader is recorded as a person; the admin token is nobody.
  if (o.actor.kind !== 'employee') throw new AppError('forbidden', '登记规章制度需以人事身份登录（系统记录登记人）');
  const now = deps.now();
  if (o.adoptedOn > dayIn(deps.businessTz, now)) throw new AppError('validation_failed', '通过日期不能晚于今天');
  const documentType = await acceptProofFile(o.document.bytes);
  if (documentType !== 'application/pdf') throw new AppError('unsupported_media_type', '规章制度文件请上传 PDF（按文件内容判断）');
  const minutesType = await acceptProofFile(o.minutes.bytes);
  const title = bookTitle(o.title);
  const ruleId = randomUUID();
  const result = await deps.db.$transaction(async (tx) => {
    // One writer per kind: the version number and the superseding are decided under this lock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`company-rule:${o.kind}`}, 0))`;
    const current = await tx.companyRule.findFirst({ where: { kind: o.kind, supersededAt: null }, orderBy: { version: 'desc' } });
    const version = (current?.version ?? 0) + 1;
    if (current && !(await compareAndSet(tx.companyRule, { id: current.id, supersededAt: null }, { supersededAt: now }))) {
      throw new AppError('conflict', '规章制度刚被他人更新，请刷新后重试');
    }
    const document = await storeFile(deps, tx, { bytes: o.document.bytes, mediaType: documentType });
    const minutes = await storeFile(deps, tx, { bytes: o.minutes.bytes, mediaType: minutesType });
    const adoption = { ruleId, kind: o.kind, version, title, adoptedOn: o.adoptedOn, adoptionMethod: o.adoptionMethod, adoptionMethodLabel: adoptionMethodLabels[o.adoptionMethod] };
    const { index } = await appendEvidence(tx, {
      type: 'company_rule.document', subjectType: 'company_rule', subjectId: ruleId,
      payload: { kind: 'file', sha256: document.sha256, mediaType: documentType }, metadata: { ...adoption, article: o.article, supersedes: current?.id ?? null }, at: now,
    });
    await appendEvidence(tx, {
      type: 'company_rule.minutes', subjectType: 'company_rule', subjectId: ruleId,
      payload: { kind: 'file', sha256: minutes.sha256, mediaType: minutesType }, metadata: adoption, at: now,
    });
    const rule = await tx.companyRule.create({
      data: {
        id: ruleId, kind: o.kind, version, title, article: o.article, documentSha256: document.sha256, documentName: cleanFileName(o.document.fileName),
        adoptedOn: parseDay(o.adoptedOn), adoptionMethod: o.adoptionMethod, minutesSha256: minutes.sha256, minutesName: cleanFileName(o.minutes.fileName),
        uploadedById: o.actor.id, uploadedByName: o.actor.name, evidenceIndex: index, createdAt: now,
      },
    });
    await writeAuditEvent(tx, o.actor, {
      type: 'company_rule.stored',
      data: { ruleId, kind: o.kind, version, title, adoptedOn: o.adoptedOn, adoptionMethod: o.adoptionMethod, documentSha256: document.sha256, minutesSha256: minutes.sha256, ...(current && { supersedes: current.id }) },
    }, { type: 'company_rule', id: ruleId });
    const superseded = current ? `，取代第 ${current.version} 版` : '';
    const notified = await queueRuleVersionNotices(deps, tx, { rule });
    return { ruleId, version, text: `已登记${title}第 ${version} 版（${o.adoptedOn} 经${adoptionMethodLabels[o.adoptionMethod]}讨论通过）${superseded}。已通过聊天消息通知 ${notified} 个账号阅读并签收；没有聊天账号的员工请另行告知。` };
  });
  // Best effort: an entry not yet under a signed head is covered by the next seal.
  await sealTreeHead(deps).catch(() => undefined);
  return result;
}
