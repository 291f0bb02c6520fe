// A sweep's audit events in one INSERT: typed like one at a time, in order, all or nothing.
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { writeAuditEvents } from '../../src/services/audit/write-audit-event.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const actor = systemActor('enrolment-deadline-sweep');
const sent = (cardKey: string) => ({ event: { type: 'card.sent' as const, data: { cardKey, cardType: 'enrolment_deadline', platform: 'sandbox' as const, recipients: ['hr1'] } }, subject: { type: 'employee' as const, id: cardKey } });

describe('writeAuditEvents', () => {
  it('writes every event with its actor and subject, in the order given', async () => {
    await t.db.$transaction((tx) => writeAuditEvents(tx, actor, [sent('batch-1'), sent('batch-2'), sent('batch-3')]));
    const rows = await t.db.auditEvent.findMany({ where: { subjectId: { in: ['batch-1', 'batch-2', 'batch-3'] } }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.subjectId)).toEqual(['batch-1', 'batch-2', 'batch-3']);
    expect(rows[0]).toMatchObject({ type: 'card.sent', subjectType: 'employee', actor: { kind: 'system' } });
  });

  it('writes nothing when one event is not a valid audit event', async () => {
    const bad = { event: { type: 'card.sent', data: { cardKey: 'batch-bad' } } } as unknown as ReturnType<typeof sent>;
    await expect(t.db.$transaction((tx) => writeAuditEvents(tx, actor, [sent('batch-4'), bad]))).rejects.toThrow();
    expect(await t.db.auditEvent.count({ where: { subjectId: 'batch-4' } })).toBe(0);
  });

  it('writes a digest’s thousands in order over several statements, and none when one of them is invalid', async () => {
    const many = Array.from({ length: 2300 }, (_, i) => sent(`many-${String(i).padStart(4, '0')}`));
    await t.db.$transaction((tx) => writeAuditEvents(tx, actor, many));
    const rows = await t.db.auditEvent.findMany({ where: { subjectId: { startsWith: 'many-' } }, orderBy: { seq: 'asc' }, select: { subjectId: true } });
    expect(rows.map((r) => r.subjectId)).toEqual(many.map((m) => m.subject.id));
    const bad = { event: { type: 'card.sent', data: {} } } as unknown as ReturnType<typeof sent>;
    const more = Array.from({ length: 2300 }, (_, i) => (i === 2200 ? bad : sent(`more-${i}`)));
    await expect(t.db.$transaction((tx) => writeAuditEvents(tx, actor, more))).rejects.toThrow();
    expect(await t.db.auditEvent.count({ where: { subjectId: { startsWith: 'more-' } } })).toBe(0);
  });
});
