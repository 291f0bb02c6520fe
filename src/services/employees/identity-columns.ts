// What an employee's identity fields become in the database: the document type, and the birth
// date and sex the number carries (or the birth date entered for a passport holder). Refuses a
// child (《劳动法》第十五条) with its own problem code, never as an invalid number.
import { parseDay } from '../../domain/dates.ts';
import { identityFacts, type IdType } from '../../domain/identity-document.ts';
import { CATEGORY_SEX_CONFLICT, contradictsSex, type Sex } from '../../domain/retirement/retirement-category.ts';
import type { RetirementCategory } from '../../domain/retirement/statutory-retirement.ts';
import { CHILD_LABOUR_PROBLEM, childLabourMessage, workingAge } from '../../domain/working-age.ts';
import { AppError } from '../../errors.ts';
import { BIRTH_DATE_ONLY_FOR_PASSPORT } from './identity-input.ts';

interface Stored {
  idType: IdType;
  idNumberHash: string | null;
  birthDate: Date | null;
  sex: Sex | null;
}

export interface IdentityColumns {
  idType?: IdType;
  birthDate?: Date | null;
  sex?: Sex | null;
}

/**
 * @example
 *   identityColumns({ idNumber: '11010519491231002X', idType: 'resident_id' }, undefined, '2026-12-07')
 *   // → { idType: 'resident_id', birthDate: 1949-12-31, sex: 'female' }
 */
export function identityColumns(
  input: { idNumber?: string; idType?: IdType; birthDate?: string; retirementCategory?: RetirementCategory | null },
  stored: Stored | undefined,
  today: string,
): IdentityColumns {
  let columns: IdentityColumns = {};
  if (input.idNumber !== undefined) {
    const facts = identityFacts(input.idNumber, input.idType ?? 'resident_id');
    const keptBirth = stored?.idType === 'passport' && facts.idType === 'passport' ? stored.birthDate : null;
    columns = { idType: facts.idType, sex: facts.sex, birthDate: facts.birthDate ? parseDay(facts.birthDate) : input.birthDate ? parseDay(input.birthDate) : keptBirth };
  } else if (input.birthDate !== undefined) {
    if (stored?.idType !== 'passport' || !stored.idNumberHash) throw new AppError('validation_failed', BIRTH_DATE_ONLY_FOR_PASSPORT, [{ path: 'birthDate', message: BIRTH_DATE_ONLY_FOR_PASSPORT }]);
    columns = { birthDate: parseDay(input.birthDate) };
  }
  const sex = columns.sex !== undefined ? columns.sex : (stored?.sex ?? null);
  if (contradictsSex(input.retirementCategory, sex)) {
    throw new AppError('validation_failed', CATEGORY_SEX_CONFLICT, [{ path: 'retirementCategory', message: CATEGORY_SEX_CONFLICT }]);
  }
  if (columns.birthDate && workingAge(columns.birthDate.toISOString().slice(0, 10), today) === 'child') {
    const path = input.idNumber !== undefined && columns.idType !== 'passport' ? 'idNumber' : 'birthDate';
    const message = childLabourMessage(path);
    throw new AppError('validation_failed', message, [{ path, message, problem: CHILD_LABOUR_PROBLEM }]);
  }
  return columns;
}
