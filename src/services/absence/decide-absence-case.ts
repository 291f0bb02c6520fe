// The line manager's answer on an absence case, from a card click, the REST API, or the SLA
// running out. One transaction: case OPEN → CONTACTED | UNREACHABLE (compare-and-set), every
// open card of the case closed showing who decided and when, the audit event, and on
// UNREACHABLE the start of the return-to-work notice process (services/exits).
import { absenceDecisionLabels, ABSENCE_SLA_LABEL } from '../../../cards/absence-check-card.ts';
import { ABSENCE_CONTACTED, ABSENCE_UNREACHABLE } from '../../../cards/action-ids.ts';
import type { Tx } from '../../db/client.ts';
import type { AbsenceCase, Platform } from '../../generated/prisma/client.ts';
import { systemActor, type Actor } from '../../domain/actor.ts';
import { dayIn, formatDay } from '../../domain/dates.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { startAbsenceExitProcess } from '../exits/start-absence-exit-process.ts';
import { decidedColumns, queueCardUpdates } from '../cards/close-cards.ts';
import { rememberResponseCode } from '../cards/remember-response-code.ts';
import { closeAbsenceCaseInTx } from './close-absence-case.ts';
import { isAbsenceNotCounted, requireCountedAbsence } from './recount-absence.ts';

export const ABSENCE_NOT_COUNTED_LABEL = '复核：旷工不足或已恢复打卡，已关闭';

export type AbsenceDecision = 'contacted' | 'unreachable' | 'sla_expired';

export interface DecideAbsenceCaseOptions {
  actor: Actor;
  caseId: string;
  decision: AbsenceDecision;
  note?: string;
  /** The card that was clicked, if any. */
  click?: { cardKey: string; platform: Platform; platformUserId: string; responseCode?: string };
}

const labels = { contacted: absenceDecisionLabels[ABSENCE_CONTACTED], unreachable: absenceDecisionLabels[ABSENCE_UNREACHABLE], sla_expired: ABSENCE_SLA_LABEL } as const;
const actionIds = { contacted: ABSENCE_CONTACTED, unreachable: ABSENCE_UNREACHABLE, sla_expired: ABSENCE_UNREACHABLE } as const;

export interface DecideAbsenceCaseResult {
  changed: boolean;
  absence: AbsenceCase;
  exitProcessId?: string;
  /** Why 无法联系 was refused: the absence no longer counts, so the case was closed instead. */
  refused?: string;
}

/**
 * `changed` false: the case was no longer OPEN (double click, the other platform's copy, the SLA run first).
 * @example
 *   await deps.db.$transaction((tx) => decideAbsenceCaseInTx(deps, tx, { actor, caseId, decision: 'unreachable' }))
 */
export async function decideAbsenceCaseInTx(deps: ServiceDeps, tx: Tx, o: DecideAbsenceCaseOptions): Promise<DecideAbsenceCaseResult> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`absence-case:${o.caseId}`}, 0))`;
  const now = deps.now();
  if (o.decision !== 'contacted') {
    const refused = await refuseUncountedAbsence(deps, tx, o);
    if (refused) return refused;
  }
  const state = o.decision === 'contacted' ? 'CONTACTED' : 'UNREACHABLE';
  const note = o.note?.trim() || null;
  const ok = await compareAndSet(tx.absenceCase, { id: o.caseId, state: 'OPEN' }, {
    state, decidedById: o.actor.id, decidedByName: o.actor.name, decidedAt: now, note, version: { increment: 1 },
  });
  const absence = await tx.absenceCase.findUniqueOrThrow({ where: { id: o.caseId } });
  if (!ok) return { changed: false, absence };
  const decision = { actor: o.actor, actionId: actionIds[o.decision], decided: { label: labels[o.decision], byName: o.actor.name, at: now.toISOString() } };
  const cards = await tx.cardInstance.findMany({ where: { subjectType: 'absence_case', subjectId: o.caseId, state: 'OPEN' } });
  const closed = [];
  for (const card of cards) {
    const own = decidedColumns(card, decision);
    if (await compareAndSet(tx.cardInstance, { id: card.id, state: 'OPEN' }, own.data)) closed.push({ card, model: own.model });
    if (o.click?.responseCode && card.cardKey === o.click.cardKey) await rememberResponseCode(tx, card.id, o.click.platformUserId, o.click.responseCode);
  }
  await queueCardUpdates(deps, tx, closed);
  const subject = { type: 'employee', id: absence.employeeId } as const;
  const click = o.click ? { cardKey: o.click.cardKey, platform: o.click.platform } : {};
  if (o.decision === 'contacted') {
    await writeAuditEvent(tx, o.actor, { type: 'absence.contacted', data: { caseId: o.caseId, cardKey: o.click?.cardKey ?? '', platform: o.click?.platform ?? 'sandbox', ...(note && { note }) } }, subject);
    return { changed: true, absence };
  }
  const reason = o.decision === 'unreachable' ? 'manager_unreachable' : 'sla_expired';
  await writeAuditEvent(tx, o.actor, { type: 'absence.unreachable', data: { caseId: o.caseId, reason, ...click } }, subject);
  const { exitProcessId } = await startAbsenceExitProcess(deps, tx, { employeeId: absence.employeeId, absenceCaseId: o.caseId, actor: o.actor, reason });
  return { changed: true, absence, exitProcessId };
}

/** Before 自离: the absence recounted up to today must still count, or the case closes (not_counted). */
async function refuseUncountedAbsence(deps: ServiceDeps, tx: Tx, o: DecideAbsenceCaseOptions): Promise<DecideAbsenceCaseResult | undefined> {
  const open = await tx.absenceCase.findUniqueOrThrow({ where: { id: o.caseId } });
  if (open.state !== 'OPEN') return undefined;
  try {
    await requireCountedAbsence(tx, { employeeId: open.employeeId, from: formatDay(open.firstAbsentDay) as string, asOf: dayIn(deps.businessTz, deps.now()) });
    return undefined;
  } catch (error) {
    if (!isAbsenceNotCounted(error)) throw error;
    const actor = systemActor('job:absence-detection', '系统（旷工复核）');
    await closeAbsenceCaseInTx(deps, tx, {
      caseId: open.id, employeeId: open.employeeId, actor, label: ABSENCE_NOT_COUNTED_LABEL,
      event: { type: 'absence.closed', data: { caseId: open.id, reason: 'not_counted' } },
    });
    return { changed: false, absence: await tx.absenceCase.findUniqueOrThrow({ where: { id: o.caseId } }), refused: error.message };
  }
}
