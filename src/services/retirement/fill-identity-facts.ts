// Employees recorded before birth date and sex had columns (migration
// 20261207020000_retirement_and_identity) have them only inside their sealed ID number, which
// SQL cannot read. This fills them in, a bounded batch per call, guarded by the number's hash
// so a number changed meanwhile is left to the write that changed it. Derived data, not a state
// change: no audit event (the number itself was audited when it was written).
import { isValidDay, parseDay } from '../../domain/dates.ts';
import { identityFacts } from '../../domain/identity-document.ts';
import type { PersonalDataCipher } from '../../crypto/personal-data.ts';
import type { Db } from '../../db/client.ts';
import { compareAndSet } from '../compare-and-set.ts';

/**
 * @example await fillIdentityFacts({ db, cipher }) // → 3 (rows filled)
 */
export async function fillIdentityFacts(deps: { db: Db; cipher: PersonalDataCipher }, opts: { batchSize?: number } = {}): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await deps.db.employee.findMany({
      where: { birthDate: null, idNumberEnc: { not: null }, idType: { not: 'passport' } },
      select: { id: true, idNumberEnc: true, idNumberHash: true, idType: true },
      orderBy: { id: 'asc' },
      take: opts.batchSize ?? 500,
    });
    let progressed = false;
    for (const row of rows) {
      const facts = identityFacts(deps.cipher.decrypt(row.idNumberEnc as string), row.idType);
      // A number stored before the birth-date check cannot give a day: leave it for HR to correct.
      if (!facts.birthDate || !isValidDay(facts.birthDate)) continue;
      if (await compareAndSet(deps.db.employee, { id: row.id, idNumberHash: row.idNumberHash, birthDate: null }, { birthDate: parseDay(facts.birthDate), sex: facts.sex })) {
        filled++;
        progressed = true;
      }
    }
    if (rows.length < (opts.batchSize ?? 500) || !progressed) return filled;
  }
}
