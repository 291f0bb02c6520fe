// The identity fields of an employee as sent (REST or roster), checked together: the number
// against its document type (given, or inferred: see inferIdType), a birth date only where the
// number carries none, and a 退休类别 the ID number does not contradict. Age needs today's date
// and is checked by the services (assertWorkingAge).
import { z } from 'zod';
import { findDocumentProblem, identityFacts, inferIdType, normalizeDocumentNumber, type IdType } from '../../domain/identity-document.ts';
import { CATEGORY_SEX_CONFLICT, contradictsSex } from '../../domain/retirement/retirement-category.ts';
import type { RetirementCategory } from '../../domain/retirement/statutory-retirement.ts';

interface IdentityFields {
  idNumber?: string;
  idType?: IdType;
  birthDate?: string;
  retirementCategory?: RetirementCategory | null;
}

export const BIRTH_DATE_ONLY_FOR_PASSPORT = '出生日期取自身份证号，只有以护照登记的员工需要单独填写';

/** Returns the fields with the number normalized and its type filled in. */
export function checkIdentityInput<T extends IdentityFields>(value: T, ctx: z.RefinementCtx): T {
  if (value.idNumber === undefined) {
    if (value.idType !== undefined) ctx.addIssue({ code: 'custom', path: ['idType'], message: '填写证件类型时请同时填写证件号码' });
    return value;
  }
  const idType = value.idType ?? inferIdType(value.idNumber);
  const problem = findDocumentProblem(value.idNumber, idType);
  if (problem) {
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: problem });
    return z.NEVER;
  }
  const idNumber = normalizeDocumentNumber(value.idNumber, idType);
  const facts = identityFacts(idNumber, idType);
  if (value.birthDate !== undefined && facts.birthDate !== null) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: BIRTH_DATE_ONLY_FOR_PASSPORT });
  if (contradictsSex(value.retirementCategory, facts.sex)) ctx.addIssue({ code: 'custom', path: ['retirementCategory'], message: CATEGORY_SEX_CONFLICT });
  return { ...value, idNumber, idType };
}
