// Every exit document and delivery goes into the evidence ledger under ('exit_process', id), so
// the case's evidence pack shows the whole chain. Documents are file entries; deliveries, reads,
// answers and the union's reply are entries over the audit event that recorded them.
import type { Tx } from '../../db/client.ts';
import type { AuditEventType } from '../../domain/audit-events.ts';
import { AppError } from '../../errors.ts';
import { appendEvidence } from '../evidence/append-evidence.ts';
import { sealTreeHead } from '../evidence/seal-tree-head.ts';
import { storeFile } from '../files/store-file.ts';
import type { ServiceDeps } from '../deps.ts';
import { renderDocumentPdf } from '../../documents/render-pdf.ts';
import type { ExitDocumentContent } from '../../domain/exits/exit-documents.ts';

export const EXIT_SUBJECT = 'exit_process';

/** Renders, stores and ledgers one exit document; returns its SHA-256. */
export async function issueExitDocument(deps: ServiceDeps, tx: Tx, o: { processId: string; employeeId: string; document: string; content: ExitDocumentContent; at: Date }): Promise<string> {
  const bytes = await renderDocumentPdf({ ...o.content, issuedAt: o.at });
  const { sha256 } = await storeFile(deps, tx, { bytes, mediaType: 'application/pdf' });
  await appendEvidence(tx, {
    type: 'exit.document', subjectType: EXIT_SUBJECT, subjectId: o.processId, employeeId: o.employeeId,
    payload: { kind: 'file', sha256, mediaType: 'application/pdf' },
    metadata: { document: o.document, title: o.content.title }, at: o.at,
  });
  return sha256;
}

/** Ledgers the audit event just written in this transaction (the latest of its type for the process). */
export async function ledgerExitEvent(tx: Tx, o: { processId: string; employeeId: string; type: AuditEventType; metadata: Record<string, unknown>; at: Date }): Promise<void> {
  const event = await tx.auditEvent.findFirst({
    where: { type: o.type, data: { path: ['processId'], equals: o.processId } },
    orderBy: { seq: 'desc' },
    select: { id: true },
  });
  if (!event) throw new AppError('internal', `找不到要记入证据台账的审计事件 ${o.type}`);
  await appendEvidence(tx, {
    type: o.type, subjectType: EXIT_SUBJECT, subjectId: o.processId, employeeId: o.employeeId,
    payload: { kind: 'row', table: 'AuditEvent', id: event.id }, metadata: o.metadata, at: o.at,
  });
}

/**
 * Signs a new tree head after the commit. The change is already durable and its entries are in the
 * ledger; a failed seal is retried by the next one (every later seal covers them), so it must not
 * turn a committed step into an error for the caller.
 */
export async function sealExitEvidence(deps: ServiceDeps): Promise<void> {
  await sealTreeHead(deps).catch(() => undefined);
}
