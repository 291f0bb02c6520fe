// The employee lifecycle as an explicit table. Anything not listed is illegal and answered
// with 409 and no change (src/services/employees/transition-employee-status.ts).
import type { EmployeeStatus } from '../generated/prisma/enums.ts';

export const statusLabels: Record<EmployeeStatus, string> = {
  ONBOARDING: '入职中',
  ACTIVE: '在职',
  UNPAID_LEAVE: '停薪留职',
  PENDING_EXIT: '待离职',
  ABSCONDED: '自离',
  EXITED: '离职',
};

/** from → allowed targets, each with why it exists. */
export const transitions: Record<EmployeeStatus, Partial<Record<EmployeeStatus, string>>> = {
  ONBOARDING: {
    ACTIVE: 'first day of work confirmed',
    EXITED: 'offer withdrawn or the hire never started',
  },
  ACTIVE: {
    UNPAID_LEAVE: 'unpaid leave (停薪留职) agreed',
    PENDING_EXIT: 'resignation or termination notice given',
    ABSCONDED: 'absent without leave; the return-to-work notice chain starts',
  },
  UNPAID_LEAVE: {
    ACTIVE: 'returned from unpaid leave',
    PENDING_EXIT: 'leaves while on unpaid leave',
  },
  PENDING_EXIT: {
    EXITED: 'last day of work reached',
    ACTIVE: 'resignation withdrawn with the employer’s consent',
  },
  ABSCONDED: {
    ACTIVE: 'returned to work after the notice',
    EXITED: 'terminated under 劳动合同法 Art. 39(2) after the notices',
    PENDING_EXIT: 'confirmed 「我已离职」 as a written resignation (劳动合同法 Art. 37); the notice chain stops',
  },
  EXITED: {},
};

export function canTransition(from: EmployeeStatus, to: EmployeeStatus): boolean {
  return transitions[from][to] !== undefined;
}

export function allowedTargets(from: EmployeeStatus): EmployeeStatus[] {
  return Object.keys(transitions[from]) as EmployeeStatus[];
}
