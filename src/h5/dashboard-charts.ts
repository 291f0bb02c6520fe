// The dashboard's chart options, built from the API answer. Pure (no DOM): the page hands them to
// echarts. The aria description echarts writes from them is what a screen reader (and the browser
// test) reads, so every number drawn is also in the page's text.
import type { EChartsCoreOption } from 'echarts/core';
import type { Dashboard } from '../domain/kpi/dashboard-types.ts';

const shortMonth = (m: string) => `${Number(m.slice(5, 7))}月`;

/** The 12-month trend of timeliness and coverage, in percent; a month without data is a gap. */
export function trendChartOption(d: Dashboard): EChartsCoreOption {
  return {
    aria: { enabled: true, label: { description: `近12个月社保缴纳及时率与员工社保缴纳率（%）：${d.trend.map((p) => `${p.month} 及时率 ${p.timelinessPct ?? '—'}，缴纳率 ${p.coveragePct ?? '—'}`).join('；')}` } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
    legend: { data: ['及时率', '缴纳率'], bottom: 0 },
    grid: { left: 36, right: 12, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: d.trend.map((p) => shortMonth(p.month)) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '及时率', type: 'line', connectNulls: false, data: d.trend.map((p) => p.timelinessPct) },
      { name: '缴纳率', type: 'line', connectNulls: false, data: d.trend.map((p) => p.coveragePct) },
    ],
  };
}

/** Open enrolment alerts by stage at the month's end. */
export function alertStageChartOption(d: Dashboard): EChartsCoreOption {
  const stages = [['第23日提醒', d.alertsByStage.day23], ['第28日升级', d.alertsByStage.day28], ['已逾期', d.alertsByStage.overdue]] as const;
  return {
    aria: { enabled: true, label: { description: `未处理增员提醒（人）：${stages.map(([label, n]) => `${label} ${n}`).join('；')}` } },
    tooltip: { trigger: 'axis' },
    grid: { left: 36, right: 12, top: 16, bottom: 24 },
    xAxis: { type: 'category', data: stages.map(([label]) => label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: stages.map(([, n]) => n), label: { show: true, position: 'top' }, itemStyle: { color: '#ee0a24' } }],
  };
}
