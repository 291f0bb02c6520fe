// What a signature sets in motion, per template, inside the signing transaction: the wording lives
// in src/documents, the behaviour here. A template without an entry is only recorded.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { DECLARATION_TEMPLATE } from '../../domain/exceptions/reason-categories.ts';
import { RESIGNATION_CONFIRMATION_TEMPLATE } from '../../documents/resignation-confirmation-template.ts';
import type { ServiceDeps } from '../deps.ts';
import { refreshExceptionRequestCards } from '../exceptions/refresh-exception-request-cards.ts';
import { confirmExitResignationInTx } from '../exits/confirm-exit-resignation.ts';

export type AfterSigning = (deps: ServiceDeps, tx: Tx, o: { subjectId: string; signatureId: string; actor: Actor; signedAt: Date }) => Promise<unknown>;

export const afterSigning: Readonly<Record<string, AfterSigning>> = {
  // 「我已离职」 signed as a written resignation (劳动合同法 第三十七条): the case becomes a resignation.
  // The 社保例外 declaration: HR's request card shows it signed.
  [DECLARATION_TEMPLATE]: (deps, tx, o) => refreshExceptionRequestCards(deps, tx, { exceptionId: o.subjectId }),
  [RESIGNATION_CONFIRMATION_TEMPLATE]: (deps, tx, o) => confirmExitResignationInTx(deps, tx, { processId: o.subjectId, ...o }),
};
