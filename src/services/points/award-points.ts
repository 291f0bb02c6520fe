// Awards (or takes) an employee's points for one event, inside the transaction of the event
// itself, so the points commit or roll back with it. PointAward's UNIQUE (rule, subjectType,
// subjectId, employeeId) and ON CONFLICT DO NOTHING make each event count once, also when it is
// processed twice or by two requests at the same time (the second waits for the first and inserts
// nothing). A rule set to 0 points awards nothing.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { POINT_SUBJECTS, pointsFor, type PointRule } from '../../domain/points/point-events.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { loadPointRules } from './get-point-rules.ts';

export interface AwardPointsOptions {
  actor: Actor;
  employeeId: string;
  rule: PointRule;
  /** The event's subject (see POINT_SUBJECTS): the request, case, proof or year it rests on. */
  subjectId: string;
  /** What the employee reads in 我的积分. */
  reason: string;
  /** The evidence behind it, kept in the audit event. */
  evidence?: { proofId?: string; attemptId?: string };
  at: Date;
}

/**
 * @example
 *   await awardPoints(tx, { actor, employeeId, rule: 'transferCooperation', subjectId: transferId, reason: '…', at: deps.now() }) // → { awarded: true, points: 3 }
 */
export async function awardPoints(tx: Tx, o: AwardPointsOptions): Promise<{ awarded: boolean; points: number }> {
  const points = pointsFor(o.rule, await loadPointRules(tx));
  if (points === 0) return { awarded: false, points: 0 };
  const id = randomUUID();
  const subjectType = POINT_SUBJECTS[o.rule];
  const { count } = await tx.pointAward.createMany({
    data: [{ id, employeeId: o.employeeId, rule: o.rule, points, reason: o.reason, subjectType, subjectId: o.subjectId, awardedAt: o.at }],
    skipDuplicates: true,
  });
  if (count === 0) return { awarded: false, points: 0 };
  await writeAuditEvent(tx, o.actor, {
    type: 'points.awarded',
    data: { awardId: id, employeeId: o.employeeId, rule: o.rule, points, subjectType, subjectId: o.subjectId, reason: o.reason, ...o.evidence },
  }, { type: 'employee', id: o.employeeId });
  return { awarded: true, points };
}
