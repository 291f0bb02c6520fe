// The policy file format (the public contract of `sentinel policy import`).
import { describe, expect, it } from 'vitest';
import { policyFileSchema } from '../../../src/domain/policy/policy-file-schema.ts';

const periodJson = {
  from: '2025-07', to: '2026-06',
  baseFloorFen: 746000, baseCeilingFen: 3730200,
  rates: {
    pension: { employer: '0.16', employee: '0.08' },
    medical: { employer: '0.09', employee: '0.02' },
    unemployment: { employer: '0.005', employee: '0.005' },
    workInjury: { employer: '0.0026', employee: '0' },
    maternity: { employer: '0.01', employee: '0' },
  },
  rounding: 'fen', dueDay: 'last',
  lateFee: { method: 'daily', dailyRate: '0.0005', on: 'total' },
  averageMonthlyWageFen: 1234500, minimumWageFen: 269000,
  source: 'https://example.gov.cn/notice', verified: false,
};
const file = (periods: unknown[]) => ({ city: '示例市', cityCode: '000000', periods });
const messages = (input: unknown) => {
  const r = policyFileSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('policy file schema', () => {
  it('accepts the issue example, an open period, a subset of types, a numeric due day and interest instead of a fee', () => {
    expect(messages(file([periodJson]))).toEqual([]);
    const open = { ...periodJson, from: '2026-07', to: null, dueDay: 15, rates: { pension: periodJson.rates.pension }, lateFee: { method: 'none', interestNote: '按日计息' } };
    expect(messages(file([periodJson, open]))).toEqual([]);
  });

  it('refuses overlapping periods, naming them', () => {
    expect(messages(file([periodJson, { ...periodJson, from: '2026-06', to: null }]))).toEqual(['政策期间 2026-06 起 与 2025-07 至 2026-06 重叠，请调整起止月份']);
  });

  it.each([
    ['a float rate', { rates: { pension: { employer: 0.16, employee: '0.08' } } }],
    ['a rate of 1 or more', { rates: { pension: { employer: '1.2', employee: '0.08' } } }],
    ['no rate at all', { rates: {} }],
    ['an unknown insurance', { rates: { housing: { employer: '0.07', employee: '0.07' } } }],
    ['an unknown rounding', { rounding: 'cent' }],
    ['due day 29', { dueDay: 29 }],
    ['a malformed month', { from: '2025-13' }],
    ['to before from', { to: '2025-06' }],
    ['a ceiling below the floor', { baseCeilingFen: 100 }],
    ['float fen', { baseFloorFen: 7460.5 }],
    ['verified without a source', { verified: true, source: null }],
    ['a daily fee without its rate', { lateFee: { method: 'daily', on: 'total' } }],
    ['interest without its note', { lateFee: { method: 'none' } }],
  ])('refuses %s', (_name, change) => {
    expect(messages(file([{ ...periodJson, ...change }])).length).toBeGreaterThan(0);
  });
});
