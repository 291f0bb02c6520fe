// Parts of the exception page: the insurance still owed here, and where a lapsed exception's
// enrolment clock runs from (社会保险法 第五十八条) — the lapse day, or for dual employment the
// first day of the month the original employer stopped paying once HR has given it.
import { formatDay } from '../../domain/dates.ts';
import { insuranceTypeLabels, type OwedInsurance } from '../../domain/exceptions/owed-insurance.ts';
import type { OwedInsuranceView } from '../../domain/views/exceptions.ts';

export function owedInsuranceViews(owed: readonly OwedInsurance[]): OwedInsuranceView[] {
  return owed.map((o) => ({ type: o.type, label: insuranceTypeLabels[o.type], how: o.how ?? null }));
}

export function lapsedClock(e: { kind: string; status: string; lapsedOn: Date | null; otherEmployerStoppedMonth: string | null }) {
  const lapsedOn = formatDay(e.lapsedOn);
  const dual = e.kind === 'DUAL_EMPLOYMENT' && e.status === 'LAPSED';
  const askStoppedMonth = dual && !e.otherEmployerStoppedMonth;
  let clockNote: string | null = null;
  if (e.status === 'LAPSED' && lapsedOn) {
    clockNote = e.otherEmployerStoppedMonth
      ? `增员及补缴自原单位停缴月份 ${e.otherEmployerStoppedMonth} 起算（《社会保险法》第五十八条）`
      : `增员期限自失效日 ${lapsedOn} 起算三十日（《社会保险法》第五十八条）${askStoppedMonth ? '；请登记原单位停缴月份，登记后自该月起算增员及补缴' : ''}`;
  }
  return { otherEmployerStoppedMonth: e.otherEmployerStoppedMonth, askStoppedMonth, clockNote };
}
