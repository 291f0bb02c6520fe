// The identity and retirement part of an employee as callers see it: the document type, the
// statutory retirement age (渐进式延迟法定退休年龄), the 未成年工 flag, and notes that tell HR what is
// missing. The birth date itself is personal data: shown only to callers who may read it.
import { formatDay } from '../../domain/dates.ts';
import { idTypeLabels, type IdType } from '../../domain/identity-document.ts';
import { effectiveRetirementCategory, FEMALE_CATEGORY_MISSING_NOTE, type Sex } from '../../domain/retirement/retirement-category.ts';
import { retirementCategoryLabels, statutoryRetirement, type RetirementCategory } from '../../domain/retirement/statutory-retirement.ts';
import type { EmployeeIdentityView } from '../../domain/views/employees.ts';
import { MINOR_WORKER_NOTE, workingAge } from '../../domain/working-age.ts';

interface IdentityRow {
  idType: IdType;
  idNumberHash: string | null;
  birthDate: Date | null;
  sex: Sex | null;
  retirementCategory: RetirementCategory | null;
}

export function toEmployeeIdentityView(row: IdentityRow, reveal: boolean, today: string): EmployeeIdentityView {
  const hasDocument = row.idNumberHash !== null;
  const category = effectiveRetirementCategory(row.retirementCategory, row.sex);
  const birthDate = formatDay(row.birthDate);
  const minorWorker = birthDate !== null && workingAge(birthDate, today) === 'minor';
  const notes = [
    ...(minorWorker ? [MINOR_WORKER_NOTE] : []),
    ...(row.sex === 'female' && !category ? [FEMALE_CATEGORY_MISSING_NOTE] : []),
  ];
  return {
    idType: hasDocument ? row.idType : null,
    idTypeLabel: hasDocument ? idTypeLabels[row.idType] : null,
    birthDate: reveal ? birthDate : null,
    retirementCategory: category,
    retirementCategoryLabel: category && retirementCategoryLabels[category],
    retirementCategorySource: row.retirementCategory ? 'recorded' : category ? 'id_number' : null,
    statutoryRetirement: birthDate && category ? statutoryRetirement(birthDate.slice(0, 7), category) : null,
    minorWorker,
    notes,
  };
}
