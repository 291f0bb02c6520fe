// HR's compliance score: the company's KPI rules, kept as data (AppMeta 'kpi.scoring') so an HR
// manager can change the targets and points. The defaults are the usual HR assessment: 社保缴纳及时率
// target 100 %, −2 per 1 % below; 年度补缴次数 target 0, −5 each; 员工社保投诉率 −3 per complaint;
// 员工社保缴纳率 (coverage) target 100 %, −1 per 1 % below. A company rule, not the law; the law
// behind each figure is cited where the figure is defined (kpi-counts.ts).
import { z } from 'zod';
import { parseStoredRules } from '../stored-rules.ts';

export const KPI_SCORING_KEY = 'kpi.scoring';

const pct = z.number().min(0).max(100);
const points = z.number().min(0).max(100);

export const kpiScoringSchema = z.object({
  /** The score before deductions. */
  fullScore: z.number().int().min(1).max(1000).default(100),
  timelinessTargetPct: pct.default(100),
  timelinessPointsPerPct: points.default(2),
  /** Back-pay events allowed per calendar year before points are taken. */
  backPayTargetPerYear: z.number().int().min(0).max(1000).default(0),
  backPayPointsEach: points.default(5),
  complaintPointsEach: points.default(3),
  coverageTargetPct: pct.default(100),
  coveragePointsPerPct: points.default(1),
}).strict();

/** The settings' names as HR reads them, for error messages and the settings page. */
export const kpiScoringLabels: Record<keyof z.infer<typeof kpiScoringSchema>, string> = {
  fullScore: '满分',
  timelinessTargetPct: '社保缴纳及时率目标（%）',
  timelinessPointsPerPct: '及时率每低 1% 扣分',
  backPayTargetPerYear: '年度补缴次数目标',
  backPayPointsEach: '每次补缴扣分',
  complaintPointsEach: '每次投诉扣分',
  coverageTargetPct: '员工社保缴纳率目标（%）',
  coveragePointsPerPct: '缴纳率每低 1% 扣分',
};

export type KpiScoring = z.infer<typeof kpiScoringSchema>;

export const defaultKpiScoring: KpiScoring = kpiScoringSchema.parse({});

export const parseKpiScoring = (json: string | undefined) => parseStoredRules(kpiScoringSchema, defaultKpiScoring, json);

export interface ScoreInput {
  timelinessPct: number | null;
  coveragePct: number | null;
  /** Back-pay events from January to the month, inclusive. */
  backPayEventsThisYear: number;
  /** Complaints of the month (员工社保投诉); null when not known: no points taken. */
  complaints: number | null;
}

export interface KpiDeduction {
  rule: 'timeliness' | 'backPay' | 'complaints' | 'coverage';
  label: string;
  points: number;
  /** How the points were reached, for people. */
  reason: string;
}

export interface KpiScore {
  fullScore: number;
  score: number;
  deductions: KpiDeduction[];
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/**
 * Deductions are proportional (96.5 % against 100 % at 2 points per 1 % takes 7 points), never
 * below zero in total; a rate with no denominator (no hires due) takes nothing.
 * @example scoreKpis({ timelinessPct: 98, coveragePct: 100, backPayEventsThisYear: 1, complaints: 0 }, defaultKpiScoring).score // 91
 */
export function scoreKpis(input: ScoreInput, rules: KpiScoring): KpiScore {
  const deductions: KpiDeduction[] = [];
  const shortfall = (rule: 'timeliness' | 'coverage', label: string, actual: number | null, target: number, perPct: number) => {
    if (actual === null || actual >= target) return;
    const gap = oneDecimal(target - actual);
    deductions.push({ rule, label, points: oneDecimal(gap * perPct), reason: `${actual}%，低于目标 ${target}% 共 ${gap} 个百分点，每 1% 扣 ${perPct} 分` });
  };
  shortfall('timeliness', '社保缴纳及时率', input.timelinessPct, rules.timelinessTargetPct, rules.timelinessPointsPerPct);
  const extraBackPay = input.backPayEventsThisYear - rules.backPayTargetPerYear;
  if (extraBackPay > 0) deductions.push({ rule: 'backPay', label: '年度补缴次数', points: oneDecimal(extraBackPay * rules.backPayPointsEach), reason: `本年 ${input.backPayEventsThisYear} 次，目标 ${rules.backPayTargetPerYear} 次，每超 1 次扣 ${rules.backPayPointsEach} 分` });
  if (input.complaints) deductions.push({ rule: 'complaints', label: '员工社保投诉', points: oneDecimal(input.complaints * rules.complaintPointsEach), reason: `本月 ${input.complaints} 次，每次扣 ${rules.complaintPointsEach} 分` });
  shortfall('coverage', '员工社保缴纳率', input.coveragePct, rules.coverageTargetPct, rules.coveragePointsPerPct);
  // A rule set to 0 points takes nothing and is not listed.
  const taken = deductions.filter((d) => d.points > 0);
  return { fullScore: rules.fullScore, score: Math.max(0, oneDecimal(rules.fullScore - taken.reduce((n, d) => n + d.points, 0))), deductions: taken };
}
