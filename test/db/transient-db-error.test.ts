// Which database errors the bot router leaves for the redrive: the ones PostgreSQL raises when a
// transaction loses a race, as Prisma reports them from raw and from its own queries.
import { describe, expect, it } from 'vitest';
import { isTransientDbError } from '../../src/db/transient-db-error.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const raise = (code: string) => t.db.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'raised' USING ERRCODE = '${code}'; END $$`).then(() => undefined, (e: unknown) => e);

describe('isTransientDbError', () => {
  it('is true for serialization failures and deadlocks, false for other errors', async () => {
    expect(isTransientDbError(await raise('40001'))).toBe(true);
    expect(isTransientDbError(await raise('40P01'))).toBe(true);
    expect(isTransientDbError(await raise('23505'))).toBe(false); // a unique violation: retrying changes nothing
    expect(isTransientDbError(await raise('P0001'))).toBe(false);
    expect(isTransientDbError(Object.assign(new Error('write conflict'), { code: 'P2034' }))).toBe(true);
    expect(isTransientDbError(new Error('listener bug'))).toBe(false);
    expect(isTransientDbError(undefined)).toBe(false);
  });
});
