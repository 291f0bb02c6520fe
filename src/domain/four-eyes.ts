// Four-eyes for decisions with two sides: whoever a case is about, or whoever submitted it, does
// not decide it. A specialist submits and a manager approves; HR's own exit, enrolment or
// insurance exception is handled by a colleague (or the admin token, which is nobody's case).
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';

export const ANOTHER_HR = '其他人事同事或管理员';

/**
 * Throws a 403 when `actor` is the employee `employeeId`: `what` names the case, `who` who can act.
 *
 * @example refuseOwnCase(actor, process.employeeId, '这个离职流程'); // → '这个离职流程与你本人有关，不能由你自己办理，请由其他人事同事或管理员办理'
 */
export function refuseOwnCase(actor: Actor, employeeId: string | null | undefined, what: string, who = ANOTHER_HR): void {
  if (actor.kind === 'employee' && employeeId && actor.id === employeeId) {
    throw new AppError('forbidden', `${what}与你本人有关，不能由你自己办理，请由${who}办理`);
  }
}
