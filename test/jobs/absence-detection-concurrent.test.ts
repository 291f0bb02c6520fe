// Two instances running absence detection at the same moment on one database: each case is
// opened once and each manager card queued once; the next day's run extends the same cases.
import { describe, expect, it } from 'vitest';
import { ABSENCE_CHECK_CARD } from '../../cards/absence-check-card.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { detectAbsences } from '../../src/services/absence/detect-absences.ts';
import { loadAttendanceSettings } from '../../src/services/absence/load-attendance-settings.ts';
import { openCasesForStreaks } from '../../src/services/absence/open-cases-for-streaks.ts';
import { findAbsenceStreaks } from '../../src/services/absence/find-absence-streaks.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-10-10T12:00:00Z') });
const { deps, outbox } = withRecordingOutbox(t.deps);

async function punch(employeeId: string, day: string) {
  await t.db.attendanceRecord.create({ data: { employeeId, day: new Date(`${day}T00:00:00Z`), at: new Date(`${day}T01:00:00Z`), source: 'h5', sourceId: `${employeeId}:${day}`, kind: '上班', flags: [] } });
}

const manager = await makeActor(t.deps, ['EMPLOYEE'], { name: '王经理', employeeNo: 'M001', identities: { sandbox: 'mgr' } });
const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事', identities: { sandbox: 'hr' } });
const present = await makeEmployee(t.deps, { startDate: '2026-01-05', managerEmployeeNo: 'M001', name: '在岗' });
const absent: Awaited<ReturnType<typeof makeEmployee>>[] = [];
// Absent since 10-08 (last clock-in 09-30).
for (let i = 0; i < 12; i++) absent.push(await makeEmployee(t.deps, { startDate: '2026-01-05', managerEmployeeNo: 'M001', name: `缺勤${i}` }));
for (const e of [...absent, present, manager.employee, hr.employee]) await punch(e.id, '2026-09-30');
for (const d of ['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']) for (const e of [present, manager.employee, hr.employee]) await punch(e.id, d);

const cardKeys = () => outbox.messages.flatMap((m) => (m.payload.kind === 'card' ? [m.payload.card.key] : []));

describe('absence detection on two instances at once', () => {
  it('opens each case once and queues each manager card once', async () => {
    const settings = await loadAttendanceSettings(deps.db);
    // The second instance in batches of 5: two of its batches in flight at once race the first's one batch.
    const [a, b] = await Promise.all([detectAbsences(deps, { asOf: '2026-10-10', settings }), detectAbsences(deps, { asOf: '2026-10-10', settings, streakBatch: 5 })]);
    expect(a.opened + b.opened).toBe(absent.length);
    expect(a.cards + b.cards).toBe(absent.length);
    const cases = await t.db.absenceCase.findMany({ select: { employeeId: true, days: true } });
    expect(cases.map((c) => c.employeeId).sort()).toEqual(absent.map((e) => e.id).sort());
    expect(new Set(cases.map((c) => c.days.join()))).toEqual(new Set(['2026-10-08,2026-10-09,2026-10-10']));
    expect(cardKeys()).toHaveLength(absent.length);
    expect(new Set(cardKeys()).size).toBe(absent.length);
    expect(outbox.messages.every((m) => m.recipients.join() === 'mgr')).toBe(true);
    expect(await t.db.cardInstance.count({ where: { type: ABSENCE_CHECK_CARD } })).toBe(absent.length);
    expect(await t.db.auditEvent.count({ where: { type: 'absence.detected' } })).toBe(absent.length);
    expect(await t.db.auditEvent.count({ where: { type: 'card.sent' } })).toBe(absent.length);
  });

  it('the last clock-in shown on the card is the streak\'s last valid clock-in', async () => {
    const card = outbox.messages.find((m) => m.payload.kind === 'card');
    expect(JSON.stringify(card?.payload)).toContain('2026-09-30');
  });

  it('extends the same cases on the next workday, twice at once, and queues nothing', async () => {
    outbox.messages.length = 0;
    const settings = await loadAttendanceSettings(deps.db);
    const runs = await Promise.all([detectAbsences(deps, { asOf: '2026-10-12', settings }), detectAbsences(deps, { asOf: '2026-10-12', settings })]);
    expect(runs.map((r) => r.opened)).toEqual([0, 0]);
    expect(outbox.messages).toEqual([]);
    const cases = await t.db.absenceCase.findMany();
    expect(cases).toHaveLength(absent.length);
    for (const c of cases) expect(c).toMatchObject({ days: ['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12'], absentDays: 4, lastCheckedDay: new Date('2026-10-12T00:00:00Z') });
  });

  it('opens nothing for a batch whose streaks already have their cases', async () => {
    const settings = await loadAttendanceSettings(deps.db);
    const streaks = await findAbsenceStreaks(deps, { asOf: '2026-10-12', settings });
    const actor = systemActor('job:absence-detection', '缺勤检测');
    expect(await openCasesForStreaks(deps, { asOf: '2026-10-12', settings, actor, streaks })).toEqual([]);
    expect(outbox.messages).toEqual([]);
  });
});
