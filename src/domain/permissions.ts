// One table of role × action. Services call `authorize` before they read or write, so
// every entry point (REST, H5, chat, CLI) gets the same answer.
import type { Role } from '../generated/prisma/enums.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';

export type Action =
  | 'employee.list'
  | 'employee.read'
  | 'employee.create'
  | 'employee.update'
  | 'employee.transition'
  | 'employee.import'
  | 'employee.readPersonalData'
  | 'audit.list'
  /** See the monthly contribution reconciliation tasks (mismatches between HR data and contributions). */
  | 'reconciliation.list'
  /** See the outbox's dead letters (messages that could not be delivered). */
  | 'outbox.list'
  /** Answer the 新员工到岗确认 card: confirms the first day of work, which starts the 30-day clock. */
  | 'onboarding.confirm'
  /** Import the monthly contribution export of the social-insurance system. */
  | 'contribution.import'
  /** Contributions paid for an employee (《社会保险法》第六十条: everyone may see their own). */
  | 'contribution.read'
  /** Company KPIs such as the share enrolled within 30 days. */
  | 'kpi.read'
  /** Record a hire's social-insurance enrolment (已增员), which stops the 30-day reminders. */
  | 'enrolment.record';

/** How far a grant reaches: everyone, the caller's reports (direct and indirect), or only the caller. */
export type Scope = 'all' | 'team' | 'self';

const HR: Partial<Record<Action, Scope>> = {
  'employee.list': 'all',
  'employee.read': 'all',
  'employee.create': 'all',
  'employee.update': 'all',
  'employee.transition': 'all',
  'employee.import': 'all',
  'employee.readPersonalData': 'all',
  'onboarding.confirm': 'all',
  'reconciliation.list': 'all',
  'contribution.import': 'all',
  'contribution.read': 'all',
  'kpi.read': 'all',
  'enrolment.record': 'all',
};

export const permissionTable: Record<Role, Partial<Record<Action, Scope>>> = {
  EMPLOYEE: { 'employee.read': 'self', 'employee.readPersonalData': 'self', 'contribution.read': 'self' },
  MANAGER: { 'employee.list': 'team', 'employee.read': 'team', 'employee.readPersonalData': 'self', 'contribution.read': 'self' },
  HR_SPECIALIST: HR,
  HR_MANAGER: { ...HR, 'audit.list': 'all', 'outbox.list': 'all' },
  FINANCE: { 'employee.list': 'all', 'employee.read': 'all', 'employee.readPersonalData': 'self', 'contribution.read': 'all', 'kpi.read': 'all' },
  ADMIN: { ...HR, 'audit.list': 'all', 'outbox.list': 'all' },
};

const breadth: Record<Scope, number> = { self: 0, team: 1, all: 2 };

/** The widest scope any of the actor's roles grants for `action`, or undefined. */
export function scopeOf(actor: Actor, action: Action): Scope | undefined {
  let best: Scope | undefined;
  for (const role of actor.roles) {
    const s = permissionTable[role][action];
    if (s && (!best || breadth[s] > breadth[best])) best = s;
  }
  return best;
}

export function authorize(actor: Actor, action: Action): Scope {
  const scope = scopeOf(actor, action);
  if (!scope) throw new AppError('forbidden', `你的角色（${actor.roles.join('、') || '无'}）无权执行此操作：${action}`);
  return scope;
}
