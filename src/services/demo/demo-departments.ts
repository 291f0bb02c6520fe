// The demo company's shape: who works where, at what level. People are generated from these
// slots by demo-roster.ts; scenario slots are the ones a demo walks through.
import type { Role } from '../../generated/prisma/enums.ts';

export type DemoScenario =
  | 'enrolment-day-20' // not yet enrolled, 10 days left: no alert yet
  | 'enrolment-day-23' // not yet enrolled: HR gets the day-23 warning
  | 'enrolment-day-28' // not yet enrolled: escalated to the HR manager
  | 'enrolment-day-31' // not enrolled past start + 30 days: overdue (社会保险法 Art. 58)
  | 'onboarding' // hired, starts in a few days: the enrolment clock has not started
  | 'retiree-rehire' // 退休返聘 drawing a pension: a lawful non-enrolment that needs proof
  | 'unpaid-leave' // 停薪留职
  | 'pending-exit' // resigned, still working out the notice period
  | 'absent' // has not clocked in for the last 4 workdays: the absence case of the walkthrough
  | 'leaver'; // left recently: exit checklist (unemployment report, 减员) is due

export interface DemoSlot {
  position: string;
  wageYuan: number;
  roles?: Role[];
  scenario?: DemoScenario;
  /** Heads' tenure is fixed so the company's founders look like founders. */
  tenureYears?: number;
}

export interface DemoDepartment {
  name: string;
  /** Offices the department sits in; staff are spread over them in turn. */
  cities: string[];
  head: DemoSlot;
  staff: DemoSlot[];
}

/** Where each office's staff are insured, and which entity (or branch) signs their contract. */
export const CONTRACT_ENTITIES: Record<string, string> = {
  上海: '上海哨兵科技有限公司',
  北京: '北京哨兵科技有限公司',
  深圳: '上海哨兵科技有限公司深圳分公司',
  杭州: '上海哨兵科技有限公司杭州分公司',
};

const times = (n: number, position: string, wageYuan: number): DemoSlot[] => Array.from({ length: n }, () => ({ position, wageYuan }));

/** The first department's head is the general manager; every other head reports to them. */
export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    name: '总经办',
    cities: ['上海'],
    head: { position: '总经理', wageYuan: 60_000, tenureYears: 8 },
    staff: [{ position: '总经理助理', wageYuan: 18_000 }, { position: 'IT 管理员', wageYuan: 16_000, roles: ['ADMIN'] }],
  },
  {
    name: '人力资源部',
    cities: ['上海'],
    head: { position: '人力资源经理', wageYuan: 30_000, roles: ['HR_MANAGER'], tenureYears: 6 },
    staff: [
      { position: '社保专员', wageYuan: 12_000, roles: ['HR_SPECIALIST'] },
      { position: '薪酬福利专员', wageYuan: 13_000, roles: ['HR_SPECIALIST'] },
      { position: '招聘专员', wageYuan: 11_000 },
    ],
  },
  {
    name: '财务部',
    cities: ['上海'],
    head: { position: '财务经理', wageYuan: 32_000, roles: ['FINANCE'], tenureYears: 6 },
    staff: [
      { position: '社保核算会计', wageYuan: 14_000, roles: ['FINANCE'] },
      { position: '出纳', wageYuan: 9_000 },
      { position: '财务顾问', wageYuan: 12_000, scenario: 'retiree-rehire' },
    ],
  },
  {
    name: '研发部',
    cities: ['上海', '杭州'],
    head: { position: '研发总监', wageYuan: 55_000, tenureYears: 7 },
    staff: [
      ...times(5, '后端工程师', 28_000), ...times(4, '前端工程师', 25_000), ...times(3, '测试工程师', 20_000),
      ...times(2, '产品经理', 30_000), ...times(1, '运维工程师', 24_000), ...times(1, 'UI 设计师', 20_000),
      ...times(1, '算法工程师', 35_000),
      { position: '后端工程师', wageYuan: 22_000, scenario: 'enrolment-day-20' },
      { position: '前端工程师', wageYuan: 21_000, scenario: 'enrolment-day-31' },
      { position: '测试工程师', wageYuan: 19_000, scenario: 'leaver' },
    ],
  },
  {
    name: '销售部',
    cities: ['北京', '深圳', '上海'],
    head: { position: '销售总监', wageYuan: 45_000, tenureYears: 5 },
    staff: [
      ...times(6, '客户经理', 15_000), ...times(3, '销售代表', 10_000), { position: '销售代表', wageYuan: 10_000, scenario: 'absent' }, ...times(2, '大客户经理', 25_000),
      ...times(1, '售前顾问', 22_000), ...times(1, '销售助理', 8_000),
      { position: '销售代表', wageYuan: 9_000, scenario: 'enrolment-day-23' },
      { position: '客户经理', wageYuan: 14_000, scenario: 'onboarding' },
      { position: '大客户经理', wageYuan: 26_000, scenario: 'pending-exit' },
    ],
  },
  {
    name: '运营部',
    cities: ['上海', '杭州'],
    head: { position: '运营总监', wageYuan: 40_000, tenureYears: 5 },
    staff: [
      ...times(4, '运营专员', 11_000), ...times(3, '客服专员', 8_500), ...times(2, '内容运营', 12_000),
      ...times(1, '数据分析师', 18_000), ...times(1, '用户运营', 12_000),
      { position: '客服专员', wageYuan: 8_000, scenario: 'enrolment-day-28' },
      { position: '运营专员', wageYuan: 11_500, scenario: 'unpaid-leave' },
    ],
  },
];
