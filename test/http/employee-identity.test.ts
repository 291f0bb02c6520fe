// Identity documents and the statutory retirement age through the REST API: the 15-digit upgrade,
// the region check, the child-labour alarm and the 未成年工 flag on the Shanghai day, passports,
// 退休类别 and GET /employees/:id's statutoryRetirement.
import { describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../src/domain/id-number.ts';
import { employeeViewSchema } from '../../src/http/routes/employee-view-schema.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

// 04:00 on 2026-12-07 in Shanghai, still 12-06 in UTC.
const t = await createTestDb({ now: () => new Date('2026-12-06T20:00:00Z') });
const { request, auth } = createTestApp(t);

/** Region 310101, the birth date, sequence 00 + a sex digit (odd = man), and the check digit. */
const id = (birth: string, sex: 'm' | 'f', region = '310101') => {
  const first17 = `${region}${birth.replaceAll('-', '')}00${sex === 'm' ? 1 : 2}`;
  return first17 + checkDigitOf(first17);
};
let n = 0;
const create = (fields: Record<string, unknown>) =>
  request.post('/api/v1/employees').set(auth).send({ employeeNo: `P${++n}`, name: `员工${n}`, startDate: '2026-12-01', department: '研发部', ...fields });
const get = async (employeeId: string) => (await request.get(`/api/v1/employees/${employeeId}`).set(auth)).body;

describe('statutoryRetirement on GET /api/v1/employees/:id', () => {
  it('derives 男 from the ID number: born 1966-03 → 60岁4个月, 2026-07', async () => {
    const res = await create({ idNumber: id('1966-03-15', 'm') });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const view = await get(res.body.id);
    expect(view).toMatchObject({ idType: 'resident_id', idTypeLabel: '居民身份证', birthDate: '1966-03-15', retirementCategory: 'male', retirementCategorySource: 'id_number', statutoryRetirement: { years: 60, months: 4, month: '2026-07' }, minorWorker: false, notes: [] });
    expect(employeeViewSchema.parse(view)).toBeTruthy();
  });

  it('computes a woman worker’s and a woman cadre’s age from the recorded 退休类别', async () => {
    const worker = await create({ idNumber: id('1976-05-20', 'f'), retirementCategory: 'female_worker' });
    expect((await get(worker.body.id)).statutoryRetirement).toEqual({ years: 50, months: 9, month: '2027-02' });
    const cadre = await create({ idNumber: id('1971-01-02', 'f'), retirementCategory: 'female_cadre' });
    expect(await get(cadre.body.id)).toMatchObject({ retirementCategoryLabel: '女干部（原55岁）', retirementCategorySource: 'recorded', statutoryRetirement: { years: 55, months: 4, month: '2026-05' } });
  });

  it('does not guess a woman’s category: null with a note, until HR records it', async () => {
    const res = await create({ idNumber: id('1980-02-02', 'f') });
    expect(res.body).toMatchObject({ retirementCategory: null, statutoryRetirement: null, notes: [expect.stringContaining('请填写退休类别')] });
    const patched = await request.patch(`/api/v1/employees/${res.body.id}`).set(auth).send({ retirementCategory: 'female_cadre' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ statutoryRetirement: { years: 57, months: 7, month: '2037-09' }, notes: [] });
  });

  it('refuses a 退休类别 the ID number contradicts, on create and on edit', async () => {
    const bad = await create({ idNumber: id('1980-02-02', 'm'), retirementCategory: 'female_worker' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toContainEqual({ path: 'retirementCategory', message: '退休类别与身份证号显示的性别不一致，请核对' });
    const man = await create({ idNumber: id('1980-03-03', 'm') });
    const edit = await request.patch(`/api/v1/employees/${man.body.id}`).set(auth).send({ retirementCategory: 'female_cadre' });
    expect(edit.status).toBe(400);
    expect(edit.body.error.message).toBe('退休类别与身份证号显示的性别不一致，请核对');
    expect((await get(man.body.id)).retirementCategorySource).toBe('id_number');
  });

  it('documents statutoryRetirement in the OpenAPI response schema', async () => {
    const doc = (await request.get('/api/v1/openapi.json')).body;
    const schema = doc.paths['/employees/{id}'].get.responses['200'].content['application/json'].schema;
    expect(schema.properties.statutoryRetirement).toMatchObject({ anyOf: expect.any(Array) });
    expect(JSON.stringify(schema.properties.statutoryRetirement)).toContain('month');
    expect(doc.paths['/employees'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('retirementCategory');
  });
});

describe('ID numbers', () => {
  it('offers the 18-digit form of a 15-digit legacy number', async () => {
    const res = await create({ idNumber: '110105491231002' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual({ path: 'idNumber', message: '这是15位旧身份证号，请改用18位号码：11010519491231002X' });
  });

  it('checks the province code', async () => {
    const res = await create({ idNumber: id('1990-01-01', 'm', '910101') });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].message).toContain('省级行政区划代码');
  });

  it('raises the child-labour alarm for anyone under 16 on the Shanghai day, and creates nothing', async () => {
    const before = await t.db.employee.count();
    const res = await create({ idNumber: id('2010-12-08', 'm') });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'validation_failed',
      message: '该身份证号显示未满16周岁，用人单位不得招用未满16周岁的未成年人（《劳动法》第十五条；《禁止使用童工规定》第二条）',
      details: [{ path: 'idNumber', problem: 'child_labour', message: expect.stringContaining('第十五条') }],
    });
    expect(await t.db.employee.count()).toBe(before);
  });

  it('accepts a 16-year-old whose birthday is today in Shanghai (not yet in UTC), flagged as 未成年工', async () => {
    const res = await create({ idNumber: id('2010-12-07', 'f'), retirementCategory: 'female_worker' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ minorWorker: true, notes: [expect.stringContaining('未成年工')] });
  });

  it('refuses the same child on edit', async () => {
    const adult = await create({ idNumber: id('1990-06-06', 'm') });
    const res = await request.patch(`/api/v1/employees/${adult.body.id}`).set(auth).send({ idNumber: id('2011-01-01', 'm') });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].problem).toBe('child_labour');
    expect((await get(adult.body.id)).birthDate).toBe('1990-06-06');
  });

  it('reads a 港澳台居民居住证 number by its region code', async () => {
    const res = await create({ idNumber: id('1985-08-08', 'm', '830000') });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ idType: 'residence_permit', idTypeLabel: '港澳台居民居住证', statutoryRetirement: { years: 63, months: 0, month: '2048-08' } });
  });
});

describe('passports', () => {
  it('stores a passport sealed like an ID number, with the birth date and category HR enters', async () => {
    const res = await create({ idNumber: 'e 1234 5678', idType: 'passport', birthDate: '1966-03-15', retirementCategory: 'male' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ idType: 'passport', idTypeLabel: '护照', idNumber: '**************5678', statutoryRetirement: { years: 60, months: 4, month: '2026-07' } });
    expect((await get(res.body.id)).idNumber).toBe('E12345678');
    const rows = await t.db.$queryRaw<{ row: string }[]>`SELECT row_to_json(e)::text AS row FROM "Employee" e WHERE id = ${res.body.id}::uuid`;
    expect(rows[0]?.row).not.toContain('E12345678');
  });

  it('takes a number that starts with a letter for a passport without being told', async () => {
    const res = await create({ idNumber: 'G87654321' });
    expect(res.body).toMatchObject({ idType: 'passport', retirementCategory: null, statutoryRetirement: null });
  });

  it('applies the child-labour rule to a passport holder’s birth date', async () => {
    const res = await create({ idNumber: 'K1234567', idType: 'passport', birthDate: '2012-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'birthDate', problem: 'child_labour' });
  });

  it('refuses a birth date for an ID-number holder, and a type without a number', async () => {
    const withBirth = await create({ idNumber: id('1990-01-01', 'm'), birthDate: '1990-01-01' });
    expect(withBirth.status).toBe(400);
    expect(withBirth.body.error.details[0]).toMatchObject({ path: 'birthDate', message: expect.stringContaining('只有以护照登记的员工') });
    const man = await create({ idNumber: id('1991-01-01', 'm') });
    const patchBirth = await request.patch(`/api/v1/employees/${man.body.id}`).set(auth).send({ birthDate: '1980-01-01' });
    expect(patchBirth.status).toBe(400);
    const typeOnly = await request.patch(`/api/v1/employees/${man.body.id}`).set(auth).send({ idType: 'passport' });
    expect(typeOnly.body.error.details[0]).toMatchObject({ path: 'idType', message: '填写证件类型时请同时填写证件号码' });
  });

  it('rejects a malformed passport number', async () => {
    const res = await create({ idNumber: 'AB-12', idType: 'passport' });
    expect(res.body.error.details[0]).toEqual({ path: 'idNumber', message: '护照号码应为 5–20 位字母或数字' });
  });
});
