// A sweep's Alert rows in one INSERT: the unique key makes a rerun or a racing instance insert nothing.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insertAlerts, type AlertRow } from '../../src/services/alerts/insert-alerts.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const employeeId = randomUUID();
const row = (uniqueKey: string, cardKey: string | null = null): AlertRow => ({ kind: 'pension_transfer', stage: 'step2_due', uniqueKey, employeeId, dueOn: '2026-11-20', cardKey });

describe('insertAlerts', () => {
  it('stores every row with its fields and returns the keys inserted', async () => {
    const inserted = await t.db.$transaction((tx) => insertAlerts(tx, [row('ia-1', 'card-1'), row('ia-2')]));
    expect(inserted).toEqual(new Set(['ia-1', 'ia-2']));
    const stored = await t.db.alert.findUnique({ where: { uniqueKey: 'ia-1' } });
    expect(stored).toMatchObject({ kind: 'pension_transfer', stage: 'step2_due', employeeId, state: 'OPEN', cardKey: 'card-1', dueOn: new Date('2026-11-20T00:00:00Z') });
  });

  it('returns only the new keys when some are already stored, and leaves the stored ones alone', async () => {
    await t.db.$transaction((tx) => insertAlerts(tx, [row('ia-3', 'first')]));
    const inserted = await t.db.$transaction((tx) => insertAlerts(tx, [row('ia-3', 'second'), row('ia-4')]));
    expect(inserted).toEqual(new Set(['ia-4']));
    expect((await t.db.alert.findUnique({ where: { uniqueKey: 'ia-3' } }))?.cardKey).toBe('first');
    expect(await t.db.$transaction((tx) => insertAlerts(tx, []))).toEqual(new Set());
  });

  it('writes a catch-up of thousands in several statements, and still returns exactly the new keys', async () => {
    const keys = Array.from({ length: 2500 }, (_, i) => `ia-many-${String(i).padStart(4, '0')}`);
    await t.db.$transaction((tx) => insertAlerts(tx, [row(keys[999]!), row(keys[1000]!), row(keys[2499]!)]));
    const inserted = await t.db.$transaction((tx) => insertAlerts(tx, keys.map((k) => row(k))));
    expect(inserted.size).toBe(2497);
    expect([keys[999], keys[1000], keys[2499]].some((k) => inserted.has(k!))).toBe(false);
    expect(await t.db.alert.count({ where: { uniqueKey: { startsWith: 'ia-many-' } } })).toBe(2500);
  });
});
