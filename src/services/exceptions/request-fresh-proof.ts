// Asks the employee, once per quarter, for a fresh proof of an approved exception's ground. The
// alert (unique per exception and quarter) is the record that the request went out and until when
// the employee may answer (dueOn): the re-verification job lapses nothing without it. When the
// employee has no chat identity, HR gets the card instead, so someone is always asked.
import { buildExceptionReverifyCard, type ReverifyFacts } from '../../../cards/exception-reverify-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { parseDay } from '../../domain/dates.ts';
import type { ServiceDeps } from '../deps.ts';
import { proofUploadUrl } from './exception-links.ts';
import { queueExceptionCard } from './queue-exception-card.ts';

export const REVERIFY_ALERT_KIND = 'exception.reverify';

export interface RequestFreshProofInput {
  actor: Actor;
  exception: { id: string; employeeId: string };
  /** '2027Q1' */
  quarter: string;
  /** 'YYYY-MM-DD' the answer is due by. */
  deadline: string;
  proofKind: string;
  facts: ReverifyFacts;
}

/** False when this quarter's request already went out. */
export async function requestFreshProof(deps: ServiceDeps, tx: Tx, i: RequestFreshProofInput): Promise<boolean> {
  const e = i.exception;
  const created = await tx.alert.createMany({
    data: [{ kind: REVERIFY_ALERT_KIND, stage: i.quarter, uniqueKey: `${REVERIFY_ALERT_KIND}:${e.id}:${i.quarter}`, employeeId: e.employeeId, dueOn: parseDay(i.deadline) }],
    skipDuplicates: true,
  });
  if (created.count === 0) return false;
  const uploadUrl = proofUploadUrl(deps.publicBaseUrl, e.id, i.proofKind);
  const card = { actor: i.actor, exceptionId: e.id, employeeId: e.employeeId, prefix: 'exv', part: i.quarter, build: (key: string) => buildExceptionReverifyCard({ key, uploadUrl, facts: i.facts }) };
  const sent = await queueExceptionCard(deps, tx, { ...card, audience: 'employee' });
  if (sent.length === 0) await queueExceptionCard(deps, tx, { ...card, audience: 'hr' });
  return true;
}
