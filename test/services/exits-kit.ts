// A small company for the exit tests: an HR specialist, an HR manager and absent employees, a
// movable clock, a recording outbox, and helpers to open an absence case and run the daily job.
import { systemActor } from '../../src/domain/actor.ts';
import { exitTaskReminders } from '../../src/jobs/definitions/exit-task-reminders.ts';
import { createLogger } from '../../src/log.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { createDeliveryHooks } from '../../src/services/delivery-hooks.ts';
import { startAbsenceExitProcess } from '../../src/services/exits/start-absence-exit-process.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createRecordingOutbox } from '../helpers/recording-outbox.ts';
import type { TestDb } from '../helpers/test-db.ts';

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai as an instant. */
export const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

export async function exitCompany(t: TestDb) {
  let now = at('2026-11-02 10:00');
  const outbox = createRecordingOutbox();
  const deps: ServiceDeps = { ...t.deps, outbox, now: () => now };
  const hr = await makeActor(deps, ['HR_SPECIALIST'], { name: '李人事', identities: { sandbox: 'hr-s' } });
  const manager = await makeActor(deps, ['HR_MANAGER'], { name: '王经理', identities: { sandbox: 'hr-m' } });
  const log = createLogger('silent');
  return {
    deps, outbox, hr, manager,
    setNow(local: string) { now = at(local); },
    async absentEmployee(name: string, days = ['2026-10-28', '2026-10-29', '2026-10-30']) {
      const employee = await makeEmployee(deps, { name, identities: { sandbox: `u-${name}` }, startDate: '2024-03-01', position: '销售' });
      const absence = await t.db.absenceCase.create({
        data: { uniqueKey: `${employee.id}:${days[0]}`, employeeId: employee.id, trigger: 'attendance', firstAbsentDay: new Date(`${days[0]}T00:00:00Z`), lastCheckedDay: new Date(`${days.at(-1)}T00:00:00Z`), absentDays: days.length, days, managerDueAt: now, state: 'UNREACHABLE' },
      });
      return { employee, absenceCaseId: absence.id };
    },
    start(employeeId: string, absenceCaseId: string) {
      return t.db.$transaction((tx) => startAbsenceExitProcess(deps, tx, { employeeId, absenceCaseId, actor: systemActor('test-manager', '直属上级'), reason: 'manager_unreachable' }));
    },
    job(asOf: string) {
      return exitTaskReminders.run({ deps, asOf, log });
    },
    /** The platform accepted the notice's chat text at `local`: the real delivery hook runs, as the outbox worker would. */
    async deliverChat(processId: string, notice: string, local: string, platform: 'sandbox' | 'wecom' | 'dingtalk' = 'sandbox') {
      const dedupeKey = `exit-notice:${processId}:${notice}:${platform}`;
      const hooks = createDeliveryHooks({ businessTz: deps.businessTz }).filter((h) => dedupeKey.startsWith(h.prefix));
      await t.db.$transaction(async (tx) => {
        for (const h of hooks) await h.onDelivered(tx, { id: dedupeKey, dedupeKey, platform, kind: 'text', recipients: [], sentAt: at(local), result: {} });
      });
    },
    cards(type: string) {
      return outbox.messages.filter((m) => m.payload.kind === 'card' && m.payload.card.type === type);
    },
  };
}
