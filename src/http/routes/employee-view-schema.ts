// The employee as GET /employees/:id returns it (services/employees/employee-view.ts), for the
// OpenAPI document. Personal data arrives masked unless the caller may read it in full.
import { z } from 'zod';
import { ID_TYPES } from '../../domain/identity-document.ts';
import { RETIREMENT_CATEGORIES } from '../../domain/retirement/statutory-retirement.ts';

const person = z.object({ id: z.uuid(), employeeNo: z.string(), name: z.string() });
const day = z.string().describe("'YYYY-MM-DD' (Asia/Shanghai calendar day)");

export const employeeViewSchema = z.object({
  id: z.uuid(),
  employeeNo: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  idNumber: z.string().nullable().describe('The document number (ID number, residence permit or passport), masked unless personalDataMasked is false'),
  personalDataMasked: z.boolean(),
  idType: z.enum(ID_TYPES).nullable().describe('resident_id 居民身份证, residence_permit 港澳台居民居住证, passport 护照; null without a document'),
  idTypeLabel: z.string().nullable(),
  birthDate: day.nullable().describe('Only for callers who may read personal data'),
  retirementCategory: z.enum(RETIREMENT_CATEGORIES).nullable().describe('male 男, female_worker 女职工（原50岁）, female_cadre 女干部（原55岁）: recorded, or male derived from the ID number'),
  retirementCategoryLabel: z.string().nullable(),
  retirementCategorySource: z.enum(['recorded', 'id_number']).nullable(),
  statutoryRetirement: z
    .object({ years: z.int(), months: z.int(), month: z.string().describe("'YYYY-MM': the month the age is reached") })
    .nullable()
    .describe('渐进式延迟法定退休年龄 (办法 第一条); null when the birth date or the category is unknown'),
  minorWorker: z.boolean().describe('16 or 17 today: 未成年工 (《劳动法》第五十八条)'),
  notes: z.array(z.string()).describe('What HR should know or complete, in Chinese'),
  startDate: day,
  exitDate: day.nullable(),
  enrolledOn: day.nullable(),
  contractStart: day.nullable().describe('劳动合同开始日期; null = no contract on record'),
  contractEnd: day.nullable().describe('Last day of the term; null with a contractStart = 无固定期限'),
  probationEnd: day.nullable().describe('Last day of probation, within 劳动合同法 第十九条'),
  position: z.string().nullable(),
  department: z.object({ id: z.uuid(), name: z.string() }),
  manager: person.nullable(),
  insuredCity: z.string().nullable(),
  previousInsuredCity: z.string().nullable().describe('上一参保城市; a different city suggests a pension transfer case'),
  hukouProvince: z.string().nullable().describe('户籍省份 (full name)'),
  contractEntity: z.string().nullable(),
  monthlyWage: z.string().nullable().describe('yuan'),
  status: z.string(),
  statusLabel: z.string(),
  roles: z.array(z.string()),
  identities: z.array(z.object({ platform: z.string(), userId: z.string() })),
  version: z.int(),
  updatedAt: z.iso.datetime(),
});
