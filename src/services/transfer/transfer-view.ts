// One transfer case as HR sees it: each step with its due day on the legal calendar.
import type { PensionTransfer, PensionTransferStep } from '../../generated/prisma/client.ts';
import { calendarCaveat, incompleteYearsIn } from '../../domain/calendar/calendar-caveat.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { formatDay } from '../../domain/dates.ts';
import { transferSchedule, type ScheduledStep } from '../../domain/transfer/transfer-schedule.ts';
import { transferStepInfo } from '../../domain/transfer/transfer-steps.ts';
import type { TransferStepState, TransferView } from '../../domain/views/transfer.ts';

export type TransferWithSteps = PensionTransfer & { steps: PensionTransferStep[] };

export const directionLabels = { INTO: '转入本单位参保地', OUT_OF: '从本单位参保地转出' } as const;

/** The schedule of a stored case: its start day and the done days of steps 2–4. */
export function scheduleOf(t: TransferWithSteps, calendar: WorkCalendar): ScheduledStep[] {
  const doneOf = (n: number) => formatDay(t.steps.find((s) => s.step === n)?.doneOn);
  return transferSchedule(formatDay(t.startedOn) as string, [doneOf(2), doneOf(3), doneOf(4)], calendar);
}

function stateOf(s: ScheduledStep, firstOpen: number | undefined, today: string): TransferStepState {
  if (s.doneOn) return 'done';
  if (s.step !== firstOpen) return 'waiting';
  return today > s.dueOn ? 'overdue' : 'due';
}

/**
 * @example toTransferView(transfer, { id, name: '张三', employeeNo: 'E001' }, calendar, '2026-10-23')
 */
export function toTransferView(t: TransferWithSteps, employee: TransferView['employee'], calendar: WorkCalendar, today: string): TransferView {
  const schedule = scheduleOf(t, calendar);
  const firstOpen = schedule.find((s) => !s.doneOn)?.step;
  const last = schedule[schedule.length - 1] as ScheduledStep;
  return {
    id: t.id,
    employee,
    fromCity: t.fromCity,
    toCity: t.toCity,
    direction: t.direction,
    directionLabel: directionLabels[t.direction],
    startedOn: formatDay(t.startedOn) as string,
    state: t.state === 'DONE' ? 'DONE' : 'OPEN',
    steps: schedule.map((s) => ({
      ...transferStepInfo(s.step),
      dueOn: s.dueOn,
      doneOn: s.doneOn,
      doneByName: t.steps.find((row) => row.step === s.step)?.doneByName ?? null,
      state: stateOf(s, firstOpen, today),
    })),
    nextStep: firstOpen ?? null,
    caveat: calendarCaveat(incompleteYearsIn(calendar, schedule[0]?.dueOn ?? last.dueOn, last.dueOn)) ?? null,
    legalBasis: '《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66号）第八条：每一步15个工作日内办结',
  };
}
