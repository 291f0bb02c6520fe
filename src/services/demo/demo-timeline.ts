// When each demo person started, whether they are enrolled, and how their status got where it
// is. Scenario people are placed relative to today so the enrolment clock (社会保险法 Art. 58:
// day N = start + N days) shows every stage on the day the demo is seeded.
import { addDays } from '../../domain/dates.ts';
import type { EmployeeStatus } from '../../generated/prisma/enums.ts';
import type { DemoScenario, DemoSlot } from './demo-departments.ts';
import { onWeekday } from './demo-identity.ts';

export interface DemoStatusStep {
  from: EmployeeStatus | null;
  to: EmployeeStatus;
  on: string;
  reason: string;
}

export interface DemoTimeline {
  startDate: string;
  enrolledOn?: string;
  exitDate?: string;
  status: EmployeeStatus;
  history: DemoStatusStep[];
}

/** Days since the start for the not-yet-enrolled hires; exact, never moved to a weekday. */
export const NEW_HIRE_DAYS: Partial<Record<DemoScenario, number>> = {
  'enrolment-day-20': 20,
  'enrolment-day-23': 23,
  'enrolment-day-28': 28,
  'enrolment-day-31': 31,
};

const step = (from: EmployeeStatus | null, to: EmployeeStatus, on: string, reason: string): DemoStatusStep => ({ from, to, on, reason });

export function demoTimeline(today: string, slot: DemoSlot, i: number, age: number): DemoTimeline {
  const days = slot.scenario && NEW_HIRE_DAYS[slot.scenario];
  if (days) return notEnrolled(addDays(today, -days), '入职');
  if (slot.scenario === 'retiree-rehire') return notEnrolled(onWeekday(addDays(today, -95)), '退休返聘，签订劳务协议');
  if (slot.scenario === 'onboarding') {
    return { startDate: onWeekday(addDays(today, 5)), status: 'ONBOARDING', history: [step(null, 'ONBOARDING', today, '已发录用通知，待入职')] };
  }
  if (!slot.scenario && !slot.tenureYears && i % 3 === 1) return recentHire(today, i);
  // Established staff joined 1–7 years ago (never before they were about 21) and were
  // enrolled within days, as a compliant company would.
  const years = slot.tenureYears ?? 1 + ((i * 3) % Math.max(1, Math.min(7, age - 22)));
  const startDate = onWeekday(addDays(today, -(years * 365 + ((i * 29) % 200))));
  const enrolled = { startDate, enrolledOn: addDays(startDate, 3 + (i % 8)) };
  const joined = step(null, 'ACTIVE', startDate, '入职');
  switch (slot.scenario) {
    case 'unpaid-leave':
      return { ...enrolled, status: 'UNPAID_LEAVE', history: [joined, step('ACTIVE', 'UNPAID_LEAVE', addDays(today, -40), '停薪留职协议：照顾家人，为期六个月')] };
    case 'pending-exit':
      // 劳动合同法 Art. 37: 30 days' written notice, so the last day is still ahead.
      return { ...enrolled, status: 'PENDING_EXIT', history: [joined, step('ACTIVE', 'PENDING_EXIT', addDays(today, -12), '员工书面提出辞职，通知期 30 天')] };
    case 'leaver': {
      const exitDate = onWeekday(addDays(today, -10));
      return {
        ...enrolled, exitDate, status: 'EXITED',
        history: [joined, step('ACTIVE', 'PENDING_EXIT', addDays(exitDate, -30), '员工书面提出辞职'), step('PENDING_EXIT', 'EXITED', exitDate, '最后工作日')],
      };
    }
    default:
      return { ...enrolled, status: 'ACTIVE', history: [joined] };
  }
}

function notEnrolled(startDate: string, reason: string): DemoTimeline {
  return { startDate, status: 'ACTIVE', history: [step(null, 'ACTIVE', startDate, reason)] };
}

/**
 * A third of the plain staff joined in the last year (75–370 days ago), so every month of the
 * dashboard's 12-month trend has hires whose enrolment deadline fell in it. One in three of them
 * was enrolled late, 40–54 days after starting (社会保险法 第五十八条 allows 30; even a deadline
 * rolled over the longest holiday has passed): a late enrolment and, being in a later month than
 * the start, a back-pay event (第八十六条). The others were enrolled within 3–10 days.
 */
function recentHire(today: string, i: number): DemoTimeline {
  // i = 3j + 1: two weeks apart, so their deadlines fall in every month of the trend.
  const j = (i - 1) / 3;
  const startDate = onWeekday(addDays(today, -(75 + ((j * 14) % 295))));
  const enrolledOn = addDays(startDate, j % 3 === 1 ? 40 + (i % 15) : 3 + (i % 8));
  return { startDate, enrolledOn, status: 'ACTIVE', history: [step(null, 'ACTIVE', startDate, '入职')] };
}
