// Builds the evidence pack (zip) of an employee or a case: the signed tree head, every selected
// entry with its inclusion proof and payload, the audit timeline, a README and verify.sh that
// check it all with sha256sum and openssl. Seals a fresh head first so every entry is covered.
import type { Actor } from '../../domain/actor.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { canonicalJson } from '../../domain/evidence/entry-leaf.ts';
import { inclusionProofs } from '../../domain/evidence/merkle-levels.ts';
import { treeHeadText } from '../../domain/evidence/tree-head-text.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { entryLeafBytes } from './entry-leaf-bytes.ts';
import { DELETED_ORIGINAL, packReadme } from './pack-readme.ts';
import { planPackPayloads } from './pack-payloads.ts';
import { resolvePackScope, type PackScopeInput } from './pack-scope.ts';
import { loadPackTimeline, timelineCsv, timelineRefsOf } from './pack-timeline.ts';
import { VERIFY_SCRIPT } from './pack-verify-script.ts';
import { createPackZipWriter } from './pack-zip-writer.ts';
import { projectEvidenceRow, type EvidenceRowTable } from './row-projections.ts';
import { sealTreeHead } from './seal-tree-head.ts';
import { latestTreeHead, leafHashesUpTo, publicTreeHead } from './signed-heads.ts';

export interface PackProgress {
  step: string;
  done: number;
  total: number;
}

export interface EvidencePack {
  zip: Buffer;
  fileName: string;
  entries: number;
  treeSize: number;
}

/**
 * @example const { zip, fileName } = await buildEvidencePack(deps, { scope: { kind: 'employee', employeeId }, actor });
 */
export async function buildEvidencePack(
  deps: ServiceDeps,
  opts: { scope: PackScopeInput; actor: Actor; onProgress?: (p: PackProgress) => void },
): Promise<EvidencePack> {
  const scope = await resolvePackScope(deps, opts.scope, opts.actor);
  const progress = opts.onProgress ?? (() => {});
  await sealTreeHead(deps);
  const head = await latestTreeHead(deps);
  const entries = await deps.db.evidenceEntry.findMany({ where: { AND: [scope.where, { index: { lt: head.size } }] }, orderBy: { index: 'asc' } });
  if (entries.length === 0) throw new AppError('not_found', `${scope.about} 在证据台账中没有任何条目`);
  if (scope.ownerOnly !== undefined && entries.some((e) => e.employeeId !== scope.ownerOnly)) {
    throw new AppError('forbidden', '这个案件包含不属于你的证据，只有人事可以导出');
  }
  const total = entries.length;
  progress({ step: '读取台账 / reading the ledger', done: 0, total });
  // Reading every leaf hash (32 bytes each, one query) is the pack's only ledger-wide step; the
  // tree's levels are then built once and each entry's audit path read off in O(log n).
  const proofs = inclusionProofs(await leafHashesUpTo(deps, head.size), entries.map((e) => e.index));
  const plan = await planPackPayloads(deps, entries);
  const now = deps.now();
  const w = createPackZipWriter(now);

  const headText = treeHeadText({ size: head.size, rootHash: head.rootHash, signedAt: head.signedAt.toISOString(), keyId: head.keyId });
  await w.add('public-key.pem', Buffer.from(deps.ledgerKey.publicKeyPem));
  await w.add('tree-head.txt', Buffer.from(headText, 'utf8'));
  await w.add('tree-head.sig', Buffer.from(head.signature, 'base64'));
  await w.add('tree-head.json', json(publicTreeHead(head)));
  if (head.tsaToken) await w.add('tree-head.tsr', Buffer.from(head.tsaToken));

  // Signed texts (entries and row payloads), to anchor attachments whose hash they record.
  const signedTexts: { path: string; text: string }[] = [];
  for (const [i, e] of entries.entries()) {
    const leafBytes = entryLeafBytes(e);
    signedTexts.push({ path: `entries/${e.index}.json`, text: leafBytes.toString('utf8') });
    await w.add(`entries/${e.index}.json`, leafBytes);
    await w.add(`proofs/${e.index}.txt`, Buffer.from(proofs.get(e.index)!.map((h) => `${h.toString('hex')}\n`).join('')));
    const row = plan.rows.get(e.index);
    if (row) {
      const projected = await projectEvidenceRow(deps.db, row.table as EvidenceRowTable, row.id).catch(() => undefined);
      const text = projected ? canonicalJson(projected) : undefined;
      if (text) signedTexts.push({ path: `rows/${e.index}.json`, text });
      if (text) await w.add(`rows/${e.index}.json`, Buffer.from(text, 'utf8'));
      else plan.pathOf.set(e.index, '-');
    }
    progress({ step: '条目 / entries', done: i + 1, total });
  }
  const payloadPaths = new Set(plan.pathOf.values());
  const attachments: string[] = [];
  for (const [i, f] of plan.files.entries()) {
    const bytes = await deps.files.get(f.sha256).catch((error: unknown) => {
      if ((error as AppError).code === 'not_found') return undefined;
      throw error;
    });
    const anchor = payloadPaths.has(f.path) ? undefined : signedTexts.find((t) => t.text.includes(`"${f.sha256}"`));
    if (bytes && anchor) attachments.push(`${f.path} ${anchor.path}\n`);
    if (bytes) await w.add(f.path, bytes);
    else {
      // 个人信息保护法 第四十七条: a recorded deletion at the end of the retention period is not a gap.
      const lawful = (await deps.db.fileDeletion.count({ where: { sha256: f.sha256 } })) > 0;
      for (const [index, path] of plan.pathOf) if (path === f.path) plan.pathOf.set(index, lawful ? DELETED_ORIGINAL : '-');
    }
    progress({ step: '文件 / files', done: i + 1, total: plan.files.length });
  }

  const subjects = new Map(scope.timelineSubjects.map((s) => [`${s.type}\u0000${s.id}`, s]));
  for (const e of entries) subjects.set(`${e.subjectType}\u0000${e.subjectId}`, { type: e.subjectType, id: e.subjectId });
  const timeline = await loadPackTimeline(deps, [...subjects.values()], entries.flatMap((e) => timelineRefsOf(e.metadata)), { ownView: scope.ownView });
  await w.add('timeline.csv', timelineCsv(timeline));
  await w.add('timeline.json', json(timeline));
  await w.add('entries.txt', Buffer.from(entries.map((e) => `${e.index} ${plan.pathOf.get(e.index) ?? '-'}\n`).join('')));
  await w.add('attachments.txt', Buffer.from(attachments.join('')));
  await w.add('verify.sh', Buffer.from(VERIFY_SCRIPT), { executable: true });
  await w.add('README.md', Buffer.from(packReadme({
    about: scope.about,
    aboutEn: scope.aboutEn,
    generatedAt: formatDateTime(deps.businessTz, now),
    generatedBy: opts.actor.name,
    head: { size: head.size, rootHash: head.rootHash, signedAt: head.signedAt.toISOString(), keyId: head.keyId },
    hasTimestamp: Boolean(head.tsaToken),
    entries: entries.map((e) => ({ index: e.index, type: e.type, createdAt: e.createdAt.toISOString(), path: plan.pathOf.get(e.index) ?? '-' })),
  }), 'utf8'));
  const zip = await w.finish();

  await deps.db.$transaction((tx) =>
    writeAuditEvent(tx, opts.actor, { type: 'evidence.pack_exported', data: { scope: scope.label, entries: total, treeSize: head.size } }, scope.auditSubject),
  );
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return { zip, fileName: `evidence-${scope.fileStem}-${stamp}.zip`, entries: total, treeSize: head.size };
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
