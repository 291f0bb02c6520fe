// One table of role × action. Services call `authorize` before they read or write, so
// every entry point (REST, H5, chat, CLI) gets the same answer.
import type { Role } from '../generated/prisma/enums.ts';
import { AppError } from '../errors.ts';
import { actionLabels } from './action-labels.ts';
import type { Actor } from './actor.ts';
import { roleLabels } from './role-labels.ts';

export type Action =
  | 'employee.list'
  | 'employee.read'
  | 'employee.create'
  | 'employee.update'
  | 'employee.transition'
  | 'employee.import'
  | 'employee.readPersonalData'
  /** Grant or remove roles (four-eyes: never one's own; ADMIN and HR_MANAGER only by an admin, see role-grants.ts). */
  | 'employee.changeRoles'
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
  /** See the amounts on the dashboard (back-pay totals): HR manager and finance only. */
  | 'kpi.readAmounts'
  /** Change the KPI scoring rules (targets and points) kept as company settings. */
  | 'kpi.configure'
  /** See who receives each alert kind and the quiet hours (docs/notifications.md). */
  | 'notifications.read'
  /** Change them: HR managers (and admins). */
  | 'notifications.configure'
  /** Record a hire's social-insurance enrolment (已增员), which stops the 30-day reminders. */
  | 'enrolment.record'
  /** See every approval (审批) and its decisions; approvers and submitters always see their own. */
  | 'approval.readAll'
  /** Upload a proof (pension certificate, other employer's contributions): own, or anyone's for HR. */
  | 'proof.upload'
  /** Read a proof file, which holds sensitive personal data (《个人信息保护法》第二十八条). */
  | 'proof.read'
  /** Read a signed declaration (PDF); the signer always may (电子劳动合同订立指引: view and download free). */
  | 'signature.read'
  /** Ask not to be insured here (社保例外): always for oneself; lawful only in two cases (法释〔2025〕12号 第十九条). */
  | 'exception.request'
  /** Read insurance exceptions: one's own, or all for HR. */
  | 'exception.read'
  /** Submit a lawful exception to the HR manager's approval once its documents are complete. */
  | 'exception.submit'
  /** List compliance tasks (enrolment remediation, work-injury enrolment). */
  | 'task.list'
  /** Inclusion and consistency proofs of the evidence ledger (《民事诉讼证据规定》第九十三条). */
  | 'evidence.read'
  /** Download an evidence pack (zip: documents, proofs, signed tree head, timeline): own, or anyone's for HR. */
  | 'evidence.export'
  /** Run exits: return-to-work notices, union notification, termination approval, checklists (劳动合同法 第三十九条、第五十条). */
  | 'exit.manage'
  /** See an exit case and its documents: own (the notices sent to me), or all for HR. */
  | 'exit.read'
  /** Give notice of resignation from the H5 (劳动合同法 第三十七条): only for oneself. */
  | 'resignation.request'
  /** Clock in from the workbench H5 (everyone, for themselves). */
  | 'attendance.clock_in'
  /** Read clock-in records: one's own, a manager's team, or everyone's (HR). */
  | 'attendance.read'
  /** Create and edit the work sites (geofences) employees clock in at. */
  | 'worksite.manage'
  /** Company calendar overrides (site closures, extra workdays). */
  | 'calendar.manage'
  /** Record an employee's approved leave (its days are not absences). */
  | 'leave.record'
  /** Store the company's rules with their adoption record and see who acknowledged them (劳动合同法 第四条). */
  | 'company_rule.manage'
  /** Read the city policy library (bases, rates, late-fee methods). */
  | 'policy.read'
  /** Import or edit the city policy library (each change an audit event and a card to HR). */
  | 'policy.manage'
  /** See back-pay and exposure amounts: anyone's for HR and finance, one's own for an employee. */
  | 'money.read'
  /** Generate the back-pay documents (申报表, 说明函, 跨年补缴影响说明), each ledgered under the employee. */
  | 'money.document'
  /** Track cross-region pension transfers (国办发〔2009〕66号): start a case, record its steps. */
  | 'transfer.manage'
  /** Read and answer employees' 社保咨询 / 投诉 (社会保险法 第六十条、第八十二条). */
  | 'question.answer'
  /** Set how long personal data is kept (个人信息保护法 第十九条; statutory minimums apply). */
  | 'retention.configure'
  /** Take the social-insurance knowledge quiz (for oneself). */
  | 'quiz.take'
  /** See incentive points: one's own, or everyone's for HR. */
  | 'points.read'
  /** The department ranking and the points export for the performance system. */
  | 'points.report'
  /** Change the incentive point rules kept as company settings. */
  | 'points.configure'
  /** Mark an uploaded proof as false, which takes the uploader's points. */
  | 'proof.markFalse';

/** How far a grant reaches: everyone, the caller's reports (direct and indirect), or only the caller. */
export type Scope = 'all' | 'team' | 'self';

const HR: Partial<Record<Action, Scope>> = {
  'employee.list': 'all',
  'policy.read': 'all',
  'money.read': 'all',
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
  'notifications.read': 'all',
  'enrolment.record': 'all',
  'proof.upload': 'all',
  'proof.read': 'all',
  'signature.read': 'all',
  'exception.request': 'self',
  'exception.read': 'all',
  'exception.submit': 'all',
  'task.list': 'all',
  'evidence.read': 'all',
  'evidence.export': 'all',
  'exit.manage': 'all',
  'exit.read': 'all',
  'resignation.request': 'self',
  'attendance.clock_in': 'self',
  'attendance.read': 'all',
  'worksite.manage': 'all',
  'calendar.manage': 'all',
  'leave.record': 'all',
  'company_rule.manage': 'all',
  'transfer.manage': 'all',
  'question.answer': 'all',
  'money.document': 'all',
  'quiz.take': 'self',
  'points.read': 'all',
  'points.report': 'all',
  'proof.markFalse': 'all',
};
const OWN_DOCUMENTS = { 'proof.upload': 'self', 'proof.read': 'self', 'signature.read': 'self', 'exception.request': 'self', 'exception.read': 'self', 'evidence.export': 'self', 'exit.read': 'self', 'resignation.request': 'self' } as const;
const OWN_ATTENDANCE = { 'attendance.clock_in': 'self', 'attendance.read': 'self' } as const;
const OWN_POINTS = { 'quiz.take': 'self', 'points.read': 'self' } as const;

export const permissionTable: Record<Role, Partial<Record<Action, Scope>>> = {
  EMPLOYEE: { 'money.read': 'self', 'employee.read': 'self', 'employee.readPersonalData': 'self', 'contribution.read': 'self', ...OWN_DOCUMENTS, ...OWN_ATTENDANCE, ...OWN_POINTS },
  MANAGER: { 'employee.list': 'team', 'employee.read': 'team', 'employee.readPersonalData': 'self', 'contribution.read': 'self', ...OWN_DOCUMENTS, ...OWN_ATTENDANCE, ...OWN_POINTS, 'attendance.read': 'team' },
  HR_SPECIALIST: HR,
  HR_MANAGER: { ...HR, 'approval.readAll': 'all', 'audit.list': 'all', 'outbox.list': 'all', 'employee.changeRoles': 'all', 'retention.configure': 'all', 'policy.manage': 'all', 'kpi.readAmounts': 'all', 'kpi.configure': 'all', 'points.configure': 'all', 'notifications.configure': 'all' },
  FINANCE: { 'policy.read': 'all', 'money.read': 'all', 'employee.list': 'all', 'employee.read': 'all', 'employee.readPersonalData': 'self', 'contribution.read': 'all', 'kpi.read': 'all', 'kpi.readAmounts': 'all', ...OWN_DOCUMENTS, ...OWN_ATTENDANCE, ...OWN_POINTS },
  ADMIN: { ...HR, 'approval.readAll': 'all', 'audit.list': 'all', 'outbox.list': 'all', 'employee.changeRoles': 'all', 'retention.configure': 'all', 'policy.manage': 'all', 'kpi.readAmounts': 'all', 'kpi.configure': 'all', 'points.configure': 'all', 'notifications.configure': 'all' },
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
  if (!scope) throw new AppError('forbidden', refusalMessage(actor, action));
  return scope;
}

/** 「你（员工）不能办理离职流程；可以办理的是人事专员、人事经理、管理员，请联系他们。」 No codes: a person reads it. */
export function refusalMessage(actor: Actor, action: Action): string {
  const mine = actor.roles.map((r) => roleLabels[r]).join('、') || '未分配角色';
  const allowed = (Object.keys(permissionTable) as Role[]).filter((r) => permissionTable[r][action]).map((r) => roleLabels[r]);
  const label = actionLabels[action];
  const who = allowed.length > 0 ? `；可以${label}的是${allowed.join('、')}，如需办理请联系他们` : '';
  return `你（${mine}）不能${label}${who}。`;
}
