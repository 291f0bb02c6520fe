// How the dashboard writes its numbers: 「96.5%」, 「—」 for nothing to measure, and the change
// from last month as an arrow coloured by whether it is good (a fall in open alerts is good).
import type { DashboardFigure } from '../domain/kpi/dashboard-types.ts';

export function figureValue(f: Pick<DashboardFigure, 'value' | 'unit'>): string {
  if (f.value === null) return '—';
  return f.unit === '%' ? `${f.value}%` : `${f.value} ${f.unit}`;
}

export function figureChange(f: Pick<DashboardFigure, 'change' | 'unit' | 'better'>): { text: string; tone: 'good' | 'bad' | 'flat' } {
  if (f.change === null) return { text: '上月无数据', tone: 'flat' };
  if (f.change === 0) return { text: '与上月持平', tone: 'flat' };
  const up = f.change > 0;
  const amount = Math.abs(f.change);
  return { text: `${up ? '▲' : '▼'} ${f.unit === '%' ? `${amount} 个百分点` : `${amount} ${f.unit}`}`, tone: up === (f.better === 'up') ? 'good' : 'bad' };
}

/** The H5 route of an API link ('/app/exits' → '/exits'). */
export const routeOf = (link: string) => link.replace(/^\/app(?=\/)/, '');

export const percentText = (pct: number | null) => (pct === null ? '—' : `${pct}%`);
