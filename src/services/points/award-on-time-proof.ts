// +2 (company rule) when an employee answers a re-verification request for their insurance
// exception on time: the proof is uploaded by the employee themself, for that exception, of the
// kind the request asked for, covering the month it needs, on or before the request's deadline
// (the alert's dueOn, an Asia/Shanghai day). One award per request, however many files follow.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay } from '../../domain/dates.ts';
import { lastMonthOfPreviousQuarter } from '../../domain/exceptions/exception-status.ts';
import { isReasonCategory, reasonCategories } from '../../domain/exceptions/reason-categories.ts';
import { proofKindLabels, type ProofKindValue } from '../../domain/proofs/proof-kind-labels.ts';
import type { ServiceDeps } from '../deps.ts';
import { REVERIFY_ALERT_KIND } from '../exceptions/request-fresh-proof.ts';
import { awardPoints } from './award-points.ts';

export interface OnTimeProof {
  actor: Actor;
  proofId: string;
  employeeId: string;
  exceptionId: string;
  kind: ProofKindValue;
  coversMonth: string | null;
}

/** True when the upload earned the points now. */
export async function awardOnTimeProof(deps: Pick<ServiceDeps, 'now' | 'businessTz'>, tx: Tx, p: OnTimeProof): Promise<boolean> {
  if (p.actor.id !== p.employeeId || !p.coversMonth) return false;
  const exception = await tx.insuranceException.findUnique({ where: { id: p.exceptionId }, select: { status: true, reasonCategory: true, reverifyOn: true } });
  if (exception?.status !== 'APPROVED' || !exception.reverifyOn || !isReasonCategory(exception.reasonCategory)) return false;
  if (reasonCategories[exception.reasonCategory].reverifyProof !== p.kind) return false;
  if (p.coversMonth < lastMonthOfPreviousQuarter(formatDay(exception.reverifyOn) as string)) return false;
  const today = dayIn(deps.businessTz, deps.now());
  const request = await tx.alert.findFirst({
    where: { kind: REVERIFY_ALERT_KIND, employeeId: p.employeeId, state: 'OPEN', uniqueKey: { startsWith: `${REVERIFY_ALERT_KIND}:${p.exceptionId}:` } },
    orderBy: { dueOn: 'desc' },
  });
  const dueOn = formatDay(request?.dueOn);
  if (!request || !dueOn || today > dueOn) return false;
  const { awarded } = await awardPoints(tx, {
    actor: p.actor, employeeId: p.employeeId, rule: 'onTimeProof', subjectId: request.id, at: deps.now(),
    reason: `按时上传「${proofKindLabels[p.kind]}」（${quarterText(request.stage)}复核，期限 ${dueOn}）`,
    evidence: { proofId: p.proofId },
  });
  return awarded;
}

/** '2027Q1' → '2027 年第 1 季度' */
const quarterText = (stage: string) => (/^\d{4}Q[1-4]$/.test(stage) ? `${stage.slice(0, 4)} 年第 ${stage.slice(5)} 季度` : '');
