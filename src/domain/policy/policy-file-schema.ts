// The city policy file (prisma/policies/*.json, `sentinel policy import`, POST /api/v1/policies):
// per city, periods of months with base floor/ceiling, rates per insurance and side as decimal
// strings (never floats), rounding, due day and the late-fee method. This schema is the public
// contract; every reader parses through it.
import { z } from 'zod';
import { INSURANCE_KINDS } from './insurance-kinds.ts';
import { isValidMonth } from '../money/months.ts';

/** A rate as a decimal string in [0, 1): "0.16", "0.0026", "0". */
export const rateSchema = z.string().regex(/^0(\.\d{1,8})?$/, { message: '费率应写成 0 到 1 之间的小数字符串，如 "0.16"' });

const monthSchema = z.string().refine(isValidMonth, { message: '月份应写成 2025-07 这样的年月' });
const fenSchema = z.number().int().positive();

const sideRatesSchema = z.strictObject({ employer: rateSchema, employee: rateSchema });

export const ratesSchema = z
  .strictObject(Object.fromEntries(INSURANCE_KINDS.map((k) => [k, sideRatesSchema.optional()])) as Record<(typeof INSURANCE_KINDS)[number], z.ZodOptional<typeof sideRatesSchema>>)
  .refine((r) => Object.values(r).some(Boolean), { message: '至少要有一个险种的费率' });

export const lateFeeSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('daily'), dailyRate: rateSchema, on: z.enum(['total', 'employer']) }),
  // A region that charges interest instead of a late fee: shown to HR, nothing computed.
  z.strictObject({ method: z.literal('none'), interestNote: z.string().trim().min(1).max(500) }),
]);

export const roundingSchema = z.enum(['fen', 'jiao', 'yuan']);
export const dueDaySchema = z.union([z.literal('last'), z.number().int().min(1).max(28)]);

export const policyPeriodSchema = z
  .strictObject({
    from: monthSchema,
    to: monthSchema.nullable(),
    baseFloorFen: fenSchema,
    baseCeilingFen: fenSchema,
    rates: ratesSchema,
    rounding: roundingSchema,
    dueDay: dueDaySchema,
    lateFee: lateFeeSchema,
    averageMonthlyWageFen: fenSchema,
    minimumWageFen: fenSchema,
    source: z.url({ protocol: /^https?$/ }).nullable().optional(),
    verified: z.boolean(),
  })
  .refine((p) => p.to === null || p.to >= p.from, { message: '结束月份不能早于开始月份', path: ['to'] })
  .refine((p) => p.baseCeilingFen >= p.baseFloorFen, { message: '缴费基数上限不能低于下限', path: ['baseCeilingFen'] })
  .refine((p) => !p.verified || Boolean(p.source), { message: '标记为已核实的政策必须附官方通知链接', path: ['source'] });

export type PolicyPeriodInput = z.infer<typeof policyPeriodSchema>;

/** '2025-07 至 2026-06' / '2025-07 起' — how a period is named in messages. */
export const periodName = (p: { from: string; to: string | null }) => (p.to === null ? `${p.from} 起` : `${p.from} 至 ${p.to}`);

/** Periods of one city never overlap: the first pair that does, named for the person fixing the file. */
export function findOverlap(periods: readonly { from: string; to: string | null }[]): string | null {
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    if (prev.to === null || prev.to >= sorted[i]!.from) return `政策期间 ${periodName(sorted[i]!)} 与 ${periodName(prev)} 重叠，请调整起止月份`;
  }
  return null;
}

export const policyFileSchema = z
  .strictObject({
    city: z.string().trim().min(1).max(20),
    cityCode: z.string().regex(/^\d{6}$/, { message: '城市代码应为 6 位数字行政区划代码' }),
    periods: z.array(policyPeriodSchema).min(1).max(200),
  })
  .superRefine((f, ctx) => {
    const overlap = findOverlap(f.periods);
    if (overlap) ctx.addIssue({ code: 'custom', message: overlap, path: ['periods'] });
  });

export type PolicyFile = z.infer<typeof policyFileSchema>;
