// The worst case for an employer that did not pay an employee's social insurance: what it owes
// (arrears and late fees) and the ranges it risks (fines and economic compensation), each line
// with how it was reached and its article.
import { multiplyRounded } from './exact-rate.ts';
import type { BackPay } from './back-pay.ts';
import type { Compensation } from './economic-compensation.ts';

export interface ExposureLine {
  key: 'arrears' | 'lateFee' | 'art86Fine' | 'art84Fine' | 'art84ManagerFine' | 'compensation';
  label: string;
  minFen: number;
  maxFen: number;
  basis: string;
  article: string;
}

export interface Exposure {
  lines: ExposureLine[];
  minTotalFen: number;
  maxTotalFen: number;
}

/** 社会保险法 第八十四条: 500–3,000 yuan for each directly responsible manager. */
const ART84_MANAGER_FINE_FEN = { min: 50_000, max: 300_000 };

export interface ExposureInput {
  arrears: BackPay;
  /** Whether the employer registered the employee (社会保险登记); if not, 第八十四条 applies. */
  registered: boolean;
  compensation: Compensation | null;
}

/**
 * @example exposure({ arrears, registered: false, compensation }).maxTotalFen
 */
export function exposure(input: ExposureInput): Exposure {
  const owed = input.arrears.totals.totalFen;
  const times = (n: number) => multiplyRounded(owed, [BigInt(n)]);
  const lines: ExposureLine[] = [
    { key: 'arrears', label: '欠缴社会保险费', minFen: owed, maxFen: owed, basis: `${input.arrears.months.length}个月，单位和个人部分合计`, article: '《社会保险法》第五十八条、第六十条、第八十六条' },
    { key: 'lateFee', label: '滞纳金', minFen: input.arrears.totals.lateFeeFen, maxFen: input.arrears.totals.lateFeeFen, basis: '按月计算至测算日，由单位承担', article: '《社会保险法》第八十六条；人社部令第13号 第二十条' },
    { key: 'art86Fine', label: '逾期仍不缴纳的罚款', minFen: times(1), maxFen: times(3), basis: '责令限期缴纳后逾期仍不缴纳的，处欠缴数额一倍以上三倍以下罚款', article: '《社会保险法》第八十六条' },
  ];
  if (!input.registered) {
    lines.push(
      { key: 'art84Fine', label: '未办理社会保险登记的罚款', minFen: times(1), maxFen: times(3), basis: '逾期不改正的，处应缴社会保险费数额一倍以上三倍以下罚款', article: '《社会保险法》第八十四条' },
      { key: 'art84ManagerFine', label: '对直接负责的主管人员的罚款（每人）', minFen: ART84_MANAGER_FINE_FEN.min, maxFen: ART84_MANAGER_FINE_FEN.max, basis: '对直接负责的主管人员和其他直接责任人员处五百元以上三千元以下罚款，按一人计', article: '《社会保险法》第八十四条' },
    );
  }
  if (input.compensation) {
    const c = input.compensation;
    lines.push({ key: 'compensation', label: '经济补偿（员工以未缴社保为由解除合同）', minFen: c.compensationFen, maxFen: c.compensationFen, basis: c.basis, article: '《劳动合同法》第三十八条、第四十六条、第四十七条、第九十七条' });
  }
  return { lines, minTotalFen: lines.reduce((s, l) => s + l.minFen, 0), maxTotalFen: lines.reduce((s, l) => s + l.maxFen, 0) };
}
