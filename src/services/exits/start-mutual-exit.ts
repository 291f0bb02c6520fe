// HR records a termination by mutual agreement (协商一致解除, 劳动合同法 第三十六条), with who
// proposed it: when the employer did, economic compensation is owed (第四十六条第（二）项) and the
// checklist gets 「支付经济补偿」.
import type { Actor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { startDatedExit } from './start-dated-exit.ts';

export interface StartMutualExitOptions {
  actor: Actor;
  employeeId: string;
  /** The agreed last day. */
  exitDate: string;
  /** The day the agreement was signed. */
  agreedOn: string;
  reason: string;
  /** Who proposed ending the contract (第四十六条第（二）项: 'employer' → compensation owed). */
  proposedBy: 'employer' | 'employee';
}

/**
 * @example await startMutualExit(deps, { actor, employeeId, exitDate: '2026-12-31', agreedOn: '2026-12-01', reason: '协商一致', proposedBy: 'employer' });
 */
export async function startMutualExit(deps: ServiceDeps, o: StartMutualExitOptions): Promise<{ processId: string; state: string }> {
  const by = o.proposedBy === 'employer' ? '用人单位提出' : '劳动者提出';
  return startDatedExit(deps, {
    actor: o.actor, employeeId: o.employeeId, kind: 'MUTUAL_AGREEMENT', recordedOn: o.agreedOn, exitDate: o.exitDate, reason: o.reason, proposedBy: o.proposedBy,
    basis: `协商一致解除劳动合同（${by}，《劳动合同法》第三十六条）`, action: '协商解除劳动合同',
  });
}
