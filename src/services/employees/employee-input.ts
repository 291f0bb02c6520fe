// The fields of an employee as callers send them. REST create/update and the roster import
// share these checks, so a value accepted by one is accepted by the other.
import { z } from 'zod';
import { contractTermProblem } from '../../domain/contracts/probation-limit.ts';
import { isValidDay } from '../../domain/dates.ts';
import { ID_TYPES } from '../../domain/identity-document.ts';
import { mobileMessage, normalizeMobile } from '../../domain/mobile.ts';
import { yuanToFen } from '../../domain/money.ts';
import { RETIREMENT_CATEGORIES } from '../../domain/retirement/statutory-retirement.ts';
import { provinceOf } from '../../domain/transfer/city-province.ts';
import { checkIdentityInput } from './identity-input.ts';

export const roleEnum = z.enum(['EMPLOYEE', 'MANAGER', 'HR_SPECIALIST', 'HR_MANAGER', 'FINANCE', 'ADMIN']);
export const statusEnum = z.enum(['ONBOARDING', 'ACTIVE', 'UNPAID_LEAVE', 'PENDING_EXIT', 'ABSCONDED', 'EXITED']);

export const day = z.string().refine(isValidDay, { message: '应为真实存在的日期，写成 2026-03-02 这样' });

export const idTypeEnum = z.enum(ID_TYPES);
export const retirementCategoryEnum = z.enum(RETIREMENT_CATEGORIES);

export const mobile = z.string().transform((v, ctx) => {
  const normalized = normalizeMobile(v);
  if (!normalized) {
    ctx.addIssue({ code: 'custom', message: mobileMessage });
    return z.NEVER;
  }
  return normalized;
});

export const wageFen = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const fen = yuanToFen(v);
  if (fen === undefined) {
    ctx.addIssue({ code: 'custom', message: '月工资应为金额（元），最多两位小数' });
    return z.NEVER;
  }
  return fen;
});

const text = (max: number) => z.string().trim().min(1).max(max);

export const identitiesSchema = z
  .object({ wecom: text(64).optional(), dingtalk: text(64).optional(), sandbox: text(64).optional() })
  .strict();

const fields = {
  name: text(50),
  mobile: mobile.optional(),
  /** Checked against its type (given, or inferred from the number) by checkIdentityInput. */
  idNumber: z.string().max(40).optional(),
  idType: idTypeEnum.optional(),
  /** Only for passport holders: an ID number carries its own. */
  birthDate: day.optional(),
  retirementCategory: retirementCategoryEnum.nullable().optional(),
  startDate: day,
  department: text(100),
  managerEmployeeNo: text(32).nullable().optional(),
  position: text(100).optional(),
  insuredCity: text(50).optional(),
  /** 上一参保地: a different city suggests a pension transfer case (国办发〔2009〕66号). */
  previousInsuredCity: text(50).optional(),
  /** 户籍所在省, stored as the province's full name (湖南 → 湖南省); used for the 第六条 flag. */
  hukouProvince: text(20).refine((v) => provinceOf(v) !== undefined, { message: '户籍省份无法识别，请写省份名称，如「湖南」或「湖南省」' }).transform((v) => provinceOf(v)?.name as string).optional(),
  contractEntity: text(200).optional(),
  monthlyWage: wageFen.optional(),
  exitDate: day.nullable().optional(),
  enrolledOn: day.nullable().optional(),
  /** The labour contract: no start = none on record; a start without an end = 无固定期限. */
  contractStart: day.nullable().optional(),
  contractEnd: day.nullable().optional(),
  /** Checked against 劳动合同法 第十九条 (contractTermProblem). */
  probationEnd: day.nullable().optional(),
  identities: identitiesSchema.optional(),
};

const newEmployeeFields = z
  .object({ employeeNo: z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, '工号只能包含字母、数字、- 和 _，最长 32 位'), status: statusEnum.default('ACTIVE'), ...fields, roles: z.array(roleEnum).min(1).optional() })
  .strict();

export const createEmployeeInput = newEmployeeFields
  .superRefine((v, ctx) => {
    const problem = contractTermProblem({ contractStart: v.contractStart ?? null, contractEnd: v.contractEnd ?? null, probationEnd: v.probationEnd ?? null });
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  })
  .transform(checkIdentityInput);

/**
 * A roster row: the same checks but the contract term's, which the import runs once the row is
 * merged with what is stored for an existing employee (find-roster-contract-problems.ts).
 */
export const rosterEmployeeInput = newEmployeeFields.transform(checkIdentityInput);

/** PATCH takes no roles: they change only through changeEmployeeRoles (four-eyes); updateEmployee says so in Chinese. */
export const updateEmployeeInput = z
  .object({ ...fields, roles: z.unknown().optional().describe('Refused with 400: roles change only through PUT /employees/{id}/roles') })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的字段' })
  .transform(checkIdentityInput);

export type CreateEmployeeInput = z.output<typeof createEmployeeInput>;
export type UpdateEmployeeInput = z.output<typeof updateEmployeeInput>;
