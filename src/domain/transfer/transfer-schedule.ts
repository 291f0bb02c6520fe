// When each step of a pension transfer is due. Step 1 is done on the start day. Steps 2–4 are each
// due on the 15th working day after the previous step was done, or, while it is not done, after
// the previous step's due day (国办发〔2009〕66号 第八条: 15 个工作日), counted on the legal calendar
// (statutory holidays and 调休; a company's closure moves nothing).
import { addDays } from '../dates.ts';
import { nthWorkdayFrom } from '../calendar/day-math.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { TRANSFER_STEP_COUNT, TRANSFER_STEP_WORKDAYS, type TransferStepNumber } from './transfer-steps.ts';

export interface ScheduledStep {
  step: TransferStepNumber;
  /** 'YYYY-MM-DD' */
  dueOn: string;
  /** 'YYYY-MM-DD', null while not done. */
  doneOn: string | null;
  /** The first working day after the due day: the day it counts as overdue. */
  overdueOn: string;
}

/** The n-th working day strictly after `day`. */
export function nthWorkdayAfter(day: string, n: number, calendar: WorkCalendar): string {
  return nthWorkdayFrom(addDays(day, 1), n, calendar);
}

/**
 * @param doneOn the done day of steps 2–4 (index 0 = step 2), null while not done; step 1 is done on `startedOn`.
 * @example
 *   transferSchedule('2026-09-24', [null, null, null], createLegalCalendar())[1].dueOn // '2026-10-22'
 */
export function transferSchedule(startedOn: string, doneOn: readonly (string | null)[], calendar: WorkCalendar): ScheduledStep[] {
  const steps: ScheduledStep[] = [{ step: 1, dueOn: startedOn, doneOn: startedOn, overdueOn: nthWorkdayAfter(startedOn, 1, calendar) }];
  for (let n = 2; n <= TRANSFER_STEP_COUNT; n++) {
    const previous = steps[steps.length - 1] as ScheduledStep;
    const dueOn = nthWorkdayAfter(previous.doneOn ?? previous.dueOn, TRANSFER_STEP_WORKDAYS, calendar);
    steps.push({ step: n as TransferStepNumber, dueOn, doneOn: doneOn[n - 2] ?? null, overdueOn: nthWorkdayAfter(dueOn, 1, calendar) });
  }
  return steps;
}

export type TransferReminderKind = 'due' | 'overdue';

export interface TransferReminder {
  step: TransferStepNumber;
  kind: TransferReminderKind;
  dueOn: string;
}

/**
 * The reminders a job running at the end of `asOf` owes: 「今日到期」 from a step's due day until the
 * working day after it, 「已逾期」 from that working day on. A missed run catches up; a step already
 * overdue when first seen gets only the overdue reminder. Idempotency is the caller's (one row per
 * step and kind).
 */
export function transferRemindersDue(steps: readonly ScheduledStep[], asOf: string): TransferReminder[] {
  return steps.flatMap((s): TransferReminder[] => {
    if (s.doneOn !== null || s.dueOn > asOf) return [];
    return [{ step: s.step, kind: asOf >= s.overdueOn ? 'overdue' : 'due', dueOn: s.dueOn }];
  });
}

/** The day a step may be marked done at the earliest: the previous step's done day. */
export function earliestDoneDay(steps: readonly ScheduledStep[], step: TransferStepNumber): string | null {
  return steps[step - 2]?.doneOn ?? null;
}

