// Issue 14 §1: a hire who never clocked in once after the confirmed first day is flagged like
// anyone else, and after 已联系上 a streak that goes on opens a new case after N more workdays.
import { describe, expect, it } from 'vitest';
import { absenceDetection } from '../../src/jobs/definitions/absence-detection.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import { answerAbsenceCase } from '../../src/services/absence/answer-absence-case.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

let now = new Date('2026-10-14T12:00:00Z');
const t = await createTestDb({ now: () => now });
const { deps } = withRecordingOutbox(t.deps);
const log = createLogger('silent');
const run = (asOf: string) => runJob(deps, absenceDetection, { asOf, trigger: 'cli', log });

const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事', identities: { sandbox: 'hr' } });
// Somebody clocks in, so the company uses clock-in.
for (const d of ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16', '2026-10-19', '2026-10-20', '2026-10-21']) {
  await t.db.attendanceRecord.create({ data: { employeeId: hr.employee.id, day: new Date(`${d}T00:00:00Z`), at: new Date(`${d}T01:00:00Z`), source: 'h5', sourceId: `hr:${d}`, kind: '上班', flags: [] } });
}
const hire = await makeEmployee(t.deps, { name: '新员工', startDate: '2026-10-12' });
const cases = () => t.db.absenceCase.findMany({ where: { employeeId: hire.id }, orderBy: { createdAt: 'asc' } });

describe('absence detection of a hire who never clocked in', () => {
  it('flags the hire after N workdays counted from the start date', async () => {
    await run('2026-10-13');
    expect(await cases()).toEqual([]);
    await run('2026-10-14');
    expect((await cases()).map((c) => c.days)).toEqual([['2026-10-12', '2026-10-13', '2026-10-14']]);
  });

  it('raises the streak again after 已联系上 once N more workdays are absent after the contact day', async () => {
    const [first] = await cases();
    now = new Date('2026-10-15T02:00:00Z');
    await answerAbsenceCase(deps, { actor: hr.actor, caseId: first?.id ?? '', decision: 'contacted', note: '电话联系上' });
    now = new Date('2026-10-19T12:00:00Z');
    await run('2026-10-19'); // 10-16, 10-19 after the contact: 2 < 3
    expect(await cases()).toHaveLength(1);
    now = new Date('2026-10-20T12:00:00Z');
    await run('2026-10-20');
    const all = await cases();
    expect(all.map((c) => [c.state, c.days])).toEqual([['CONTACTED', ['2026-10-12', '2026-10-13', '2026-10-14']], ['OPEN', ['2026-10-16', '2026-10-19', '2026-10-20']]]);
    now = new Date('2026-10-21T12:00:00Z');
    await run('2026-10-21');
    expect(await cases()).toHaveLength(2);
  });
});
