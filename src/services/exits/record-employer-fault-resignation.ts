// HR records a resignation the employee gave on a 第三十八条 ground (the employer's fault, e.g. 未依法
// 缴纳社会保险费, 第一款第（三）项): no notice period applies, and economic compensation is owed
// (第四十六条第（一）项), so the checklist gets 「支付经济补偿」. The employee may also submit it
// themselves (requestResignation with a ground).
import type { Actor } from '../../domain/actor.ts';
import { employerFaultGroundLabels, type EmployerFaultGround } from '../../domain/contracts/employer-fault-grounds.ts';
import type { ServiceDeps } from '../deps.ts';
import { startDatedExit } from './start-dated-exit.ts';

export interface RecordEmployerFaultResignationOptions {
  actor: Actor;
  employeeId: string;
  ground: EmployerFaultGround;
  /** The day the employee's written notice reached the company. */
  noticedOn: string;
  /** The last day of the relationship (may be the notice day: no notice period). */
  exitDate: string;
  reason: string;
}

/**
 * @example await recordEmployerFaultResignation(deps, { actor, employeeId, ground: 'no_social_insurance', noticedOn: '2026-11-02', exitDate: '2026-11-02', reason: '未缴社保' });
 */
export async function recordEmployerFaultResignation(deps: ServiceDeps, o: RecordEmployerFaultResignationOptions): Promise<{ processId: string; state: string }> {
  return startDatedExit(deps, {
    actor: o.actor, employeeId: o.employeeId, kind: 'EMPLOYER_FAULT_RESIGNATION', recordedOn: o.noticedOn, exitDate: o.exitDate, reason: o.reason, ground: o.ground,
    basis: `员工以用人单位${employerFaultGroundLabels[o.ground]}为由解除劳动合同（《劳动合同法》第三十八条）`, action: '登记员工被迫解除劳动合同',
  });
}
