// HR's 社保例外申请 card lists the signed declaration and each proof with ✔ or ✘. When the
// employee signs or uploads, every still open copy is rebuilt from the documents on file and
// each recipient gets a card_update through the outbox, in the same transaction as the document,
// so the card never shows 「✘ 未签署」 next to an approval card that shows ✔.
import { isDeepStrictEqual } from 'node:util';
import { buildExceptionRequestCard, EXCEPTION_REQUEST_CARD, type ExceptionRequestFacts } from '../../../cards/exception-request-card.ts';
import type { CardModel } from '../../../cards/card-model.ts';
import type { Tx } from '../../db/client.ts';
import type { LawfulCategoryInfo } from '../../domain/exceptions/lawful-categories.ts';
import { isReasonCategory, reasonCategories } from '../../domain/exceptions/reason-categories.ts';
import { exceptionRequestNumber } from '../../domain/exceptions/request-number.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { parseCardModel, parseRecipients, toJsonColumn } from '../cards/card-instance-json.ts';
import type { DocumentCheck } from '../../domain/views/exceptions.ts';
import { checkExceptionDocuments } from './check-exception-documents.ts';
import { exceptionPageUrl } from './exception-links.ts';

/** The card's facts from the category and the documents' state (the declaration is the one without a proof kind). */
export function exceptionRequestFacts(who: { requestNo: string; name: string; department: string }, info: LawfulCategoryInfo, docs: Pick<DocumentCheck, 'key' | 'label' | 'present'>[]): ExceptionRequestFacts {
  return {
    ...who,
    reasonLabel: info.label,
    declarationSigned: docs.some((d) => d.key === 'declaration' && d.present),
    proofs: docs.filter((d) => d.key !== 'declaration').map((d) => ({ label: d.label, present: d.present })),
    owedShort: info.owedShort,
    legalNote: info.cardNote,
  };
}

/**
 * Re-renders the open request cards of one exception; returns how many changed.
 * @example
 *   await refreshExceptionRequestCards(deps, tx, { exceptionId }); // after the declaration or a proof is stored
 */
export async function refreshExceptionRequestCards(deps: ServiceDeps, tx: Tx, o: { exceptionId: string }): Promise<number> {
  const open = await tx.cardInstance.findMany({ where: { subjectType: 'insurance_exception', subjectId: o.exceptionId, type: EXCEPTION_REQUEST_CARD, state: 'OPEN' }, orderBy: { cardKey: 'asc' } });
  if (open.length === 0) return 0;
  const e = await tx.insuranceException.findUniqueOrThrow({ where: { id: o.exceptionId } });
  const info = isReasonCategory(e.reasonCategory) ? reasonCategories[e.reasonCategory] : undefined;
  if (!info?.lawful) return 0;
  const docs = await checkExceptionDocuments(tx, e, deps.publicBaseUrl);
  const employee = await tx.employee.findUniqueOrThrow({ where: { id: e.employeeId }, select: { name: true, department: { select: { name: true } } } });
  const facts = exceptionRequestFacts({ requestNo: exceptionRequestNumber(e, deps.businessTz), name: employee.name, department: employee.department.name }, info, docs);
  let changed = 0;
  for (const card of open) {
    const before = parseCardModel(card.model);
    const model: CardModel = buildExceptionRequestCard({ key: card.cardKey, facts, h5Url: before.url ?? exceptionPageUrl(deps.publicBaseUrl, e.id) });
    if (isDeepStrictEqual(toJsonColumn(model), toJsonColumn(before))) continue;
    // A decision or another refresh in between wins; the version keeps each update's dedupe key distinct.
    if (!(await compareAndSet(tx.cardInstance, { id: card.id, state: 'OPEN', version: card.version }, { model: toJsonColumn(model), version: { increment: 1 } }))) continue;
    const recipients = parseRecipients(card.recipients).map((r) => r.userId);
    await deps.outbox.enqueue(tx, { dedupeKey: `card-update:${card.cardKey}:v${card.version + 1}`, platform: card.platform, recipients, payload: { kind: 'card_update', card: model } });
    changed += 1;
  }
  return changed;
}
