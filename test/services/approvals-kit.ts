// Test-only approval definitions, registered at run time (never in the source registry), and a
// small company: two HR managers, an admin, a line manager and the employee the approval is about.
import { afterAll } from 'vitest';
import type { ApprovalDefinition } from '../../src/domain/approvals/approval-definition.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { approvalDefinitions } from '../../src/services/approvals/approval-definitions.ts';
import { startApproval } from '../../src/services/approvals/start-approval.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';

export const hookCalls: { hook: string; approvalId: string; status: string }[] = [];

const hooks: Pick<ApprovalDefinition, 'onApproved' | 'onRejected' | 'onWithdrawn'> = {
  async onApproved({ approval }) { hookCalls.push({ hook: 'approved', approvalId: approval.id, status: approval.status }); },
  async onRejected({ approval }) { hookCalls.push({ hook: 'rejected', approvalId: approval.id, status: approval.status }); },
  async onWithdrawn({ approval }) { hookCalls.push({ hook: 'withdrawn', approvalId: approval.id, status: approval.status }); },
};

export const testDefinitions: Record<string, ApprovalDefinition> = {
  'test-any': { name: 'test-any', subjectType: 'test-subject', ...hooks, steps: [{ name: '人事经理审批', approvers: { kind: 'role', role: 'HR_MANAGER' }, mode: 'any', escalateTo: [{ kind: 'role', role: 'ADMIN' }] }] },
  'test-all': { name: 'test-all', subjectType: 'test-subject', ...hooks, steps: [{ name: '人事经理会签', approvers: { kind: 'role', role: 'HR_MANAGER' }, mode: 'all', escalateTo: [] }] },
  'test-two-step': {
    name: 'test-two-step', subjectType: 'test-subject', ...hooks,
    steps: [
      { name: '直属上级审批', approvers: { kind: 'lineManager' }, mode: 'any', slaHours: 24, escalateTo: [{ kind: 'role', role: 'HR_MANAGER' }] },
      { name: '人事经理审批', approvers: { kind: 'role', role: 'HR_MANAGER' }, mode: 'any', escalateTo: [] },
    ],
  },
};

/** Registers the test definitions for this file and removes them afterwards. */
export function registerTestDefinitions(): void {
  Object.assign(approvalDefinitions, testDefinitions);
  afterAll(() => {
    for (const name of Object.keys(testDefinitions)) delete approvalDefinitions[name];
  });
}

export async function makeCompany(deps: ServiceDeps) {
  const hrm1 = await makeActor(deps, ['HR_MANAGER'], { name: '王经理', identities: { sandbox: 'hrm-1' } });
  const hrm2 = await makeActor(deps, ['HR_MANAGER'], { name: '赵经理', identities: { sandbox: 'hrm-2' } });
  const admin = await makeActor(deps, ['ADMIN'], { name: '钱总', identities: { sandbox: 'admin-1' } });
  const lead = await makeActor(deps, ['MANAGER'], { name: '孙主管', identities: { sandbox: 'lead-1' } });
  const hr = await makeActor(deps, ['HR_SPECIALIST'], { name: '李人事', identities: { sandbox: 'hr-1' } });
  const subject = await makeEmployee(deps, { name: '张三', managerEmployeeNo: lead.employee.employeeNo });
  const outsider = await makeActor(deps, ['EMPLOYEE'], { name: '路人甲', identities: { sandbox: 'out-1' } });
  return { hrm1, hrm2, admin, lead, hr, subject, outsider };
}

export type Company = Awaited<ReturnType<typeof makeCompany>>;

/** For a beforeEach: removes every approval, card and person, then makes the company afresh. */
export async function freshCompany(deps: ServiceDeps): Promise<Company> {
  await deps.db.approval.deleteMany();
  await deps.db.cardInstance.deleteMany();
  await deps.db.employee.updateMany({ data: { managerId: null } });
  await deps.db.employee.deleteMany();
  return makeCompany(deps);
}

/** Submits `definition` about the company's subject as `submitter` (HR by default). */
export async function submit(deps: ServiceDeps, c: Company, definition: string, submitter: Actor = c.hr.actor) {
  return deps.db.$transaction((tx) =>
    startApproval(deps, tx, {
      definition, subjectType: 'test-subject', subjectId: c.subject.id, subjectEmployeeId: c.subject.id,
      title: '测试审批：张三', summary: [{ label: '员工', value: '张三' }, { label: '事由', value: '测试' }], submitter,
    }),
  );
}
