// Personal data must not be readable from a database dump: ID numbers and mobiles are
// stored only as AES-GCM ciphertext plus a keyed hash.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const { request, auth } = createTestApp(t);

describe('pg_dump of the database', () => {
  it('contains no plaintext ID number or mobile, however they were entered', async () => {
    const people = [
      { idNumber: '11010519491231002X', mobile: '13900001111' },
      { idNumber: '440305199001010018', mobile: '18612345678' },
    ];
    await makeEmployee(t.deps, people[0]);
    const res = await request.post('/api/v1/employees').set(auth).send({
      employeeNo: 'DUMP2', name: '李四', startDate: '2026-10-08', department: '财务部', idNumber: people[1]!.idNumber, mobile: '+86 186-1234-5678',
    });
    expect(res.status).toBe(201);
    await request.get(`/api/v1/employees/${res.body.id}`).set(auth); // a full read writes an audit event too

    const dump = execFileSync(process.env.PG_DUMP_PATH ?? 'pg_dump', ['--no-owner', '--inserts', `--dbname=${t.url}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(dump).toContain('INSERT INTO public."Employee"');
    expect(dump).toContain('李四');
    for (const p of people) {
      expect(dump).not.toContain(p.idNumber);
      expect(dump).not.toContain(p.idNumber.slice(0, 14)); // no prefix either (region + birth date)
      expect(dump).not.toContain(p.mobile);
      expect(dump).not.toContain(p.mobile.slice(0, 7));
    }
  });
});
