// 社保合规月报: the month's key figures for an HR manager (job monthly-report, 1st of the month),
// each with its change from the month before, read straight from the dashboard's answer so the
// card and the H5 dashboard cannot disagree. WeCom shows at most 6 rows of ≤ 26 characters: the
// figures are grouped to fit, and the full picture is one tap away.
import type { Dashboard, DashboardFigure } from '../src/domain/kpi/dashboard-types.ts';
import type { CardDecision, CardModel } from './card-model.ts';

export const MONTHLY_REPORT_CARD = 'kpi.monthly_report';

export interface MonthlyReportCardInput {
  key: string;
  report: Pick<Dashboard, 'month' | 'figures' | 'alertsByStage' | 'backPay' | 'score'>;
  /** The previous month's KPI score, for the change; null when unknown. */
  previousScore: number | null;
  /** Whether the recipient may see amounts ('kpi.readAmounts': HR manager, finance, admin). */
  showAmount: boolean;
  /** The H5 dashboard of the month. */
  h5Url: string;
  /** Not used by the job; accepted so every card type can show a decision uniformly. */
  decided?: CardDecision;
}

/** '+2.5' / '−1' / '持平'; '' when there is nothing to compare with. */
function delta(change: number | null): string {
  if (change === null) return '';
  if (change === 0) return '持平';
  return change > 0 ? `+${change}` : `−${Math.abs(change)}`;
}

/** 「92.5%（上月 90%，+2.5）」, 「—（上月 …）」 when nothing to measure. */
function withPrevious(f: DashboardFigure | undefined): string {
  if (!f) return '—';
  const show = (v: number | null) => (v === null ? '—' : f.unit === '%' ? `${v}%` : `${v} ${f.unit}`);
  const d = delta(f.change);
  return `${show(f.value)}（上月 ${show(f.previous)}${d ? `，${d}` : ''}）`;
}

/** 「2 次（+1）」: a count with its unit and change. */
function countWithChange(f: DashboardFigure | undefined): string {
  if (!f) return '—';
  const d = delta(f.change);
  return `${f.value ?? '—'} ${f.unit}${d ? `（${d}）` : ''}`;
}

/**
 * @example
 *   buildMonthlyReportCard({ key: 'mr-202612-…', report: dashboard, previousScore: 95, showAmount: true, h5Url: 'https://hr.example.com/app/dashboard?month=2026-12' })
 */
export function buildMonthlyReportCard(o: MonthlyReportCardInput): CardModel {
  const r = o.report;
  const figure = (key: DashboardFigure['key']) => r.figures.find((f) => f.key === key);
  const scoreChange = o.previousScore === null ? '' : `，${delta(Math.round((r.score.score - o.previousScore) * 10) / 10)}`;
  const amount = o.showAmount && r.backPay.amountText !== null ? `，${r.backPay.amountText}` : '';
  const a = r.alertsByStage;
  const alertChange = delta(figure('openAlerts')?.change ?? null);
  return {
    type: MONTHLY_REPORT_CARD,
    key: o.key,
    title: `社保合规月报 · ${r.month.slice(0, 4)}年${Number(r.month.slice(5, 7))}月`,
    subtitle: `合规考核得分 ${r.score.score} / ${r.score.fullScore}${o.previousScore === null ? '' : `（上月 ${o.previousScore}${scoreChange}）`}`,
    rows: [
      { label: '增员及时率', value: withPrevious(figure('timeliness')) },
      { label: '平均增员', value: withPrevious(figure('avgDaysToEnrol')) },
      { label: '社保缴纳率', value: withPrevious(figure('coverage')) },
      { label: '增员提醒', value: `23日 ${a.day23}·28日 ${a.day28}·逾期 ${a.overdue}（共 ${a.day23 + a.day28 + a.overdue}${alertChange ? `，${alertChange}` : ''}）` },
      { label: '补缴', value: `${countWithChange(figure('backPayEvents'))}${amount}`, ...(r.backPay.events > 0 && { tone: 'danger' as const }) },
      { label: '投诉与案件', value: `投诉 ${countWithChange(figure('complaints'))}·旷工 ${figure('absencesOpen')?.value ?? 0}·离职 ${figure('exitsOpen')?.value ?? 0}` },
    ],
    legalBasis: '依据《社会保险法》第五十八条（用工之日起三十日内登记）、第八十六条（补缴加收滞纳金）',
    buttons: [{ kind: 'link', text: '查看看板', url: o.h5Url }],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}
