// What an employee row should hold after the import, and which fields that changes. A column
// missing from the file leaves the stored value alone; an empty cell in a present column
// clears it. Personal data is compared by its keyed hash: the ciphertext differs every time.
import type { PersonalDataCipher } from '../../crypto/personal-data.ts';
import { formatDay } from '../../domain/dates.ts';
import { identityFacts, type IdentityFacts } from '../../domain/identity-document.ts';
import type { EmployeeStatus, RetirementCategory } from '../../generated/prisma/enums.ts';
import type { KnownEmployee } from './load-roster-employees.ts';
import type { RosterRecord } from './map-roster-row.ts';
import type { RosterField } from './roster-columns.ts';

export interface EmployeeColumns {
  name: string;
  mobileEnc: string | null;
  mobileHash: string | null;
  mobileLast4: string | null;
  idNumberEnc: string | null;
  idNumberHash: string | null;
  idNumberLast4: string | null;
  /** Derived from the ID number (see identityFacts); they change with it, never on their own. */
  idType: IdentityFacts['idType'];
  birthDate: string | null;
  sex: IdentityFacts['sex'];
  retirementCategory: RetirementCategory | null;
  /** Calendar days as 'YYYY-MM-DD'. */
  startDate: string;
  exitDate: string | null;
  enrolledOn: string | null;
  contractStart: string | null;
  contractEnd: string | null;
  probationEnd: string | null;
  position: string | null;
  departmentId: string;
  managerId: string | null;
  insuredCity: string | null;
  previousInsuredCity: string | null;
  hukouProvince: string | null;
  contractEntity: string | null;
  monthlyWageFen: number | null;
  status: EmployeeStatus;
}

interface Sealed {
  enc: string | null;
  hash: string | null;
  last4: string | null;
}

export function desiredEmployeeColumns(opts: {
  record: RosterRecord;
  columns: Set<RosterField>;
  current?: KnownEmployee;
  departmentId: string;
  managerId: string | null;
  cipher: PersonalDataCipher;
}): { values: EmployeeColumns; changed: string[] } {
  const { record: { input }, columns, current, cipher } = opts;
  const changed: string[] = [];
  // Field names as the REST API calls them, so audit entries read the same from both paths.
  function pick<T>(field: RosterField, fromFile: T | undefined, stored: T | undefined): T | null {
    const value = !current || columns.has(field) ? (fromFile ?? null) : (stored ?? null);
    if (current && value !== (stored ?? null)) changed.push(field);
    return value;
  }
  function seal(kind: 'mobile' | 'idNumber', plain: string | undefined, stored: Sealed): Sealed {
    if (current && !columns.has(kind)) return stored;
    const hash = plain === undefined ? null : cipher.lookupHash(kind, plain);
    if (hash === stored.hash) return stored;
    if (current) changed.push(kind);
    return plain === undefined ? { enc: null, hash: null, last4: null } : { enc: cipher.encrypt(plain), hash, last4: plain.slice(-4) };
  }
  const mobile = seal('mobile', input.mobile, { enc: current?.mobileEnc ?? null, hash: current?.mobileHash ?? null, last4: current?.mobileLast4 ?? null });
  const idNumber = seal('idNumber', input.idNumber, { enc: current?.idNumberEnc ?? null, hash: current?.idNumberHash ?? null, last4: current?.idNumberLast4 ?? null });
  const facts = documentFacts(input, current, idNumber.hash === (current?.idNumberHash ?? null) && current !== undefined);
  const values: EmployeeColumns = {
    name: pick('name', input.name, current?.name) ?? input.name,
    mobileEnc: mobile.enc,
    mobileHash: mobile.hash,
    mobileLast4: mobile.last4,
    idNumberEnc: idNumber.enc,
    idNumberHash: idNumber.hash,
    idNumberLast4: idNumber.last4,
    ...facts,
    retirementCategory: pick('retirementCategory', input.retirementCategory ?? undefined, current?.retirementCategory),
    startDate: pick('startDate', input.startDate, formatDay(current?.startDate)) ?? input.startDate,
    exitDate: pick('exitDate', input.exitDate ?? undefined, formatDay(current?.exitDate)),
    enrolledOn: pick('enrolledOn', input.enrolledOn ?? undefined, formatDay(current?.enrolledOn)),
    contractStart: pick('contractStart', input.contractStart ?? undefined, formatDay(current?.contractStart)),
    contractEnd: pick('contractEnd', input.contractEnd ?? undefined, formatDay(current?.contractEnd)),
    probationEnd: pick('probationEnd', input.probationEnd ?? undefined, formatDay(current?.probationEnd)),
    position: pick('position', input.position, current?.position),
    departmentId: pick('department', opts.departmentId, current?.departmentId) ?? opts.departmentId,
    managerId: pick('managerEmployeeNo', opts.managerId ?? undefined, current?.managerId),
    insuredCity: pick('insuredCity', input.insuredCity, current?.insuredCity),
    previousInsuredCity: pick('previousInsuredCity', input.previousInsuredCity, current?.previousInsuredCity),
    hukouProvince: pick('hukouProvince', input.hukouProvince, current?.hukouProvince),
    contractEntity: pick('contractEntity', input.contractEntity, current?.contractEntity),
    monthlyWageFen: pick('monthlyWage', input.monthlyWage, current?.monthlyWageFen),
    status: current && !opts.record.statusGiven ? current.status : input.status,
  };
  if (current && values.status !== current.status) changed.push('status');
  return { values, changed };
}

/**
 * The facts of the document the row ends up with. An unchanged number keeps what is stored (a
 * passport holder's birth date was entered through the API), filling in what older rows lack.
 */
function documentFacts(input: RosterRecord['input'], current: KnownEmployee | undefined, unchanged: boolean): IdentityFacts {
  const derived = input.idNumber === undefined ? { idType: 'resident_id' as const, birthDate: null, sex: null } : identityFacts(input.idNumber, input.idType ?? 'resident_id');
  if (!current || !unchanged) return derived;
  return { idType: current.idType, birthDate: formatDay(current.birthDate) ?? derived.birthDate, sex: current.sex ?? derived.sex };
}
