// The month's figures as the dashboard shows them, each with the previous month's value, the
// change, which direction is good and the H5 list behind it. Pure: counts in, figures out.
import type { DashboardFigure } from './dashboard-types.ts';
import type { KpiCounts } from './kpi-counts.ts';
import { changeOf, deriveKpiFigures } from './kpi-figures.ts';

type Spec = Omit<DashboardFigure, 'value' | 'previous' | 'change'> & { of: (c: KpiCounts) => number | null };

const SPECS: Spec[] = [
  { key: 'timeliness', label: '社保缴纳及时率', unit: '%', better: 'up', link: '/app/enrolment/pending', of: (c) => deriveKpiFigures(c).timelinessPct,
    definition: '法定截止日（入职次日起第 30 日，遇法定节假日顺延，《社会保险法》第五十八条）在本月的新员工中，截止日前已增员的比例' },
  { key: 'avgDaysToEnrol', label: '平均增员天数', unit: '天', better: 'down', link: '/app/enrolment/pending', of: (c) => deriveKpiFigures(c).avgDaysToEnrol,
    definition: '截止日在本月且已增员的新员工，从入职到首次增员的平均自然日数' },
  { key: 'coverage', label: '员工社保缴纳率', unit: '%', better: 'up', link: '/app/exceptions/queue', of: (c) => deriveKpiFigures(c).coveragePct,
    definition: '月末在职员工中，已参保或有已批准的合法例外的比例（放弃缴纳申请无效，不计入）' },
  { key: 'openAlerts', label: '未处理增员提醒', unit: '人', better: 'down', link: '/app/enrolment/pending', of: (c) => deriveKpiFigures(c).openAlerts,
    definition: '月末仍未增员、已发出第 23 日、第 28 日或逾期提醒的员工' },
  { key: 'exceptionsOpen', label: '待处理例外', unit: '件', better: 'down', link: '/app/exceptions/queue', of: (c) => deriveKpiFigures(c).exceptionsOpen,
    definition: '月末处于待补缴、材料收集中或已提交审批的参保例外' },
  { key: 'reverifyDue', label: '到期待复核例外', unit: '件', better: 'down', link: '/app/exceptions/queue', of: (c) => c.reverifyDue,
    definition: '已批准、季度复核日已到的参保例外' },
  { key: 'absencesOpen', label: '未结旷工案件', unit: '件', better: 'down', link: '/app/absences', of: (c) => c.absencesOpen,
    definition: '月末仍未处理完的连续缺勤案件' },
  { key: 'exitsOpen', label: '进行中的离职', unit: '件', better: 'down', link: '/app/exits', of: (c) => c.exitsOpen,
    definition: '月末尚未结束的离职流程' },
  { key: 'exitTasksOverdue', label: '逾期离职事项', unit: '条', better: 'down', link: '/app/exits', of: (c) => c.exitTasksOverdue,
    definition: '离职清单中已过期限仍未完成的事项（如出具离职证明、减员）' },
  { key: 'reconciliationOpen', label: '未结对账差异', unit: '条', better: 'down', link: null, of: (c) => deriveKpiFigures(c).reconciliationOpen,
    definition: '本月缴费对账发现、月末仍未处理的差异' },
  { key: 'backPayEvents', label: '补缴次数', unit: '次', better: 'down', link: null, of: (c) => c.backPayEvents,
    definition: '本月首次增员、但晚于用工当月，须补缴此前月份的员工（《社会保险法》第八十六条）' },
  { key: 'complaints', label: '员工社保投诉', unit: '次', better: 'down', link: '/app/questions', of: (c) => c.complaints,
    definition: '本月员工提出的社保投诉（按提出时所在部门计），每次按考核规则扣分' },
];

/** @example buildDashboardFigures(thisMonth, lastMonth)[0] // { key: 'timeliness', value: 75, previous: 100, change: -25, … } */
export function buildDashboardFigures(current: KpiCounts, previous: KpiCounts): DashboardFigure[] {
  return SPECS.map(({ of, ...spec }) => {
    const value = of(current);
    const before = of(previous);
    return { ...spec, value, previous: before, change: changeOf(value, before) };
  });
}
