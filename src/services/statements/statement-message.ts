// The chat text of the monthly statement (社会保险法 第六十条: the employer tells each employee every
// month what was paid for them). Pure, so the card-free text can be checked in tests.
import { formatYuan } from '../../domain/money.ts';

export const STATEMENT_KEY_PREFIX = 'statement:';

/** One message per employee, month and platform: `statement:<employeeId>:<YYYY-MM>:<platform>`. */
export const statementDedupeKey = (employeeId: string, month: string, platform: string) => `${STATEMENT_KEY_PREFIX}${employeeId}:${month}:${platform}`;

/** The employee and month a statement dedupe key names, or null for any other key. */
export function parseStatementKey(key: string): { employeeId: string; month: string } | null {
  const m = /^statement:([0-9a-f-]{36}):(\d{4}-\d{2}):[a-z]+$/.exec(key);
  return m ? { employeeId: m[1]!, month: m[2]! } : null;
}

export function statementMessage(o: { name: string; month: string; employerFen: number; employeeFen: number; link: string }): string {
  const label = `${o.month.slice(0, 4)}年${Number(o.month.slice(5, 7))}月`;
  return [
    `${o.name}，您好：${label}公司为您缴纳社会保险费的明细已生成。`,
    `单位缴纳 ${formatYuan(o.employerFen)}，个人缴纳 ${formatYuan(o.employeeFen)}。`,
    `查看各险种明细：${o.link}`,
    '（依据《社会保险法》第六十条，用人单位按月将缴费明细告知本人。如有疑问请联系人事。）',
  ].join('\n');
}
