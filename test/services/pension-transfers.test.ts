// Pension transfer cases (国办发〔2009〕66号): start, mark steps done in order, reminders on the
// due day and the working day after, each once, and the card's 今日已办结.
import { describe, expect, it, vi } from 'vitest';
import { TRANSFER_STEP_DONE } from '../../cards/action-ids.ts';
import { nthWorkdayFrom } from '../../src/domain/calendar/day-math.ts';
import { createLegalCalendar } from '../../src/domain/calendar/work-calendar.ts';
import { addDays } from '../../src/domain/dates.ts';
import { transferReminders } from '../../src/jobs/definitions/transfer-reminders.ts';
import { createLogger } from '../../src/log.ts';
import { decideTransferCard } from '../../src/services/transfer/decide-transfer-card.ts';
import { listTransfers } from '../../src/services/transfer/list-transfers.ts';
import { markTransferStepDone } from '../../src/services/transfer/mark-transfer-step-done.ts';
import { CASES_SQL, openTransferPages } from '../../src/services/transfer/open-transfer-pages.ts';
import { startTransfer } from '../../src/services/transfer/start-transfer.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

let clock = new Date('2026-09-24T02:00:00Z');
const t = await createTestDb({ now: () => clock });
const { deps, outbox } = withRecordingOutbox(t.deps);
const at = (day: string) => { clock = new Date(`${day}T04:00:00Z`); };
const { actor: hr } = await makeActor(deps, ['HR_SPECIALIST'], { name: '李专员', identities: { sandbox: 'hr-s' } });
const { actor: worker } = await makeActor(deps, ['EMPLOYEE'], { name: '王员工' });
const zhang = await makeEmployee(deps, { name: '张三' });
const li = await makeEmployee(deps, { name: '李四' });
const calendar = createLegalCalendar();
const log = createLogger('silent');
const runJob = (asOf: string) => transferReminders.run({ deps, asOf, log });
const collect = async <T>(pages: AsyncIterable<T>): Promise<T[]> => { const all: T[] = []; for await (const p of pages) all.push(p); return all; };
const transferCards = () => outbox.messages.flatMap((m) => (m.payload.kind === 'card' && m.payload.card.type.startsWith('transfer.step') ? [{ ...m.payload.card, to: m.recipients }] : []));
const start = (employeeId: string, startedOn: string, extra: Partial<Parameters<typeof startTransfer>[1]> = {}) =>
  startTransfer(deps, { actor: hr, employeeId, fromCity: '长沙', toCity: '上海', direction: 'INTO', startedOn, ...extra });

describe('starting a case', () => {
  it('records step 1 on the start day and the issue example’s due days (started Thursday 2026-09-24 → step 2 due 2026-10-22)', async () => {
    const view = await start(zhang.id, '2026-09-24');
    expect(view.steps.map((s) => [s.step, s.dueOn, s.doneOn, s.state])).toEqual([
      [1, '2026-09-24', '2026-09-24', 'done'], [2, '2026-10-22', null, 'due'], [3, '2026-11-12', null, 'waiting'], [4, '2026-12-03', null, 'waiting'],
    ]);
    expect(view).toMatchObject({ nextStep: 2, state: 'OPEN', employee: { name: '张三' }, caveat: null });
    expect(await t.db.auditEvent.count({ where: { type: 'transfer.started', subjectId: zhang.id } })).toBe(1);
  });

  it.each([
    ['a second open case for the same employee', () => start(zhang.id, '2026-09-24'), '已有进行中的转移接续'],
    ['the same city at both ends', () => start(li.id, '2026-09-24', { toCity: '长沙市' }), '同一个城市'],
    ['an employee without HR role', () => startTransfer(deps, { actor: worker, employeeId: li.id, fromCity: '长沙', toCity: '上海', direction: 'INTO', startedOn: '2026-09-24' }), '不能办理养老保险关系转移接续'],
  ])('refuses %s and writes nothing', async (_name, call, message) => {
    const before = await t.db.pensionTransfer.count();
    await expect(call()).rejects.toThrow(message);
    expect(await t.db.pensionTransfer.count()).toBe(before);
  });
});

describe('marking steps done', () => {
  const caseId = async () => (await t.db.pensionTransfer.findFirstOrThrow({ where: { employeeId: zhang.id } })).id;
  const mark = async (step: number, doneOn: string) => markTransferStepDone(deps, { actor: hr, transferId: await caseId(), step, doneOn });

  it.each([
    ['step 3 before step 2', 3, '2026-09-28', '请先标记第2步'],
    ['step 1, done on the start day', 1, '2026-09-24', '无需再标记'],
    ['a day in the future', 2, '2026-09-29', '不能晚于今天'],
    ['a day before the previous step', 2, '2026-09-23', '不能早于第1步的办结日期（2026-09-24）'],
  ])('refuses %s', async (_name, step, doneOn, message) => {
    at('2026-09-28');
    const version = (await t.db.pensionTransfer.findUniqueOrThrow({ where: { id: await caseId() } })).version;
    await expect(mark(step, doneOn)).rejects.toThrow(message);
    expect((await t.db.pensionTransfer.findUniqueOrThrow({ where: { id: await caseId() } })).version).toBe(version);
  });

  it('records step 2 and moves step 3 to 15 working days after it; the same call again changes nothing', async () => {
    at('2026-09-30');
    const view = await mark(2, '2026-09-30');
    expect(view.steps[1]).toMatchObject({ doneOn: '2026-09-30', doneByName: '李专员', state: 'done' });
    expect(view.steps[2]).toMatchObject({ dueOn: '2026-10-27', state: 'due' });
    const audits = await t.db.auditEvent.count({ where: { type: 'transfer.step_done' } });
    const again = await mark(2, '2026-09-30');
    expect(again).toEqual(view);
    expect(await t.db.auditEvent.count({ where: { type: 'transfer.step_done' } })).toBe(audits);
    await expect(mark(2, '2026-09-29')).rejects.toThrow('第2步已于 2026-09-30 办结');
  });

  it('closes the case when step 4 is recorded', async () => {
    at('2026-11-20');
    await mark(3, '2026-11-02');
    const view = await mark(4, '2026-11-20');
    expect(view).toMatchObject({ state: 'DONE', nextStep: null });
    expect((await listTransfers(deps, { actor: hr, state: 'OPEN' })).transfers.map((x) => x.employee.name)).not.toContain('张三');
  });
});

describe('job transfer-reminders', () => {
  it('accepts a start day ahead of today and reminds nothing before it', async () => {
    const ahead = await makeEmployee(deps, { name: '周预约' });
    at('2026-11-02');
    const view = await start(ahead.id, '2026-11-04');
    expect(view.steps[1]?.dueOn).toBe('2026-11-25');
    expect(await runJob('2026-11-03')).toContain('due today 0, overdue 0');
    await t.db.pensionTransfer.delete({ where: { id: view.id } });
  });

  it('reminds on exactly the working days the steps fall due and the working day after, once each', async () => {
    // An arbitrary start day: a Saturday before year end, so the count crosses 元旦 and 2027.
    const startedOn = '2026-11-14';
    at(startedOn);
    const view = await start(li.id, startedOn);
    const sentOn: [string, string][] = [];
    for (let day = startedOn; day <= '2027-02-26'; day = addDays(day, 1)) {
      const before = transferCards().length;
      await runJob(day);
      await runJob(day); // a rerun the same day sends nothing
      for (const card of transferCards().slice(before)) sentOn.push([day, `${card.type}:${card.subtitle?.match(/第\d步/)?.[0]}`]);
    }
    // Independent of the schedule code: each due day is the 15th working day after the previous one.
    const d2 = nthWorkdayFrom(addDays(startedOn, 1), 15, calendar);
    const d3 = nthWorkdayFrom(addDays(d2, 1), 15, calendar);
    const d4 = nthWorkdayFrom(addDays(d3, 1), 15, calendar);
    const next = (d: string) => nthWorkdayFrom(addDays(d, 1), 1, calendar);
    expect([d2, d3, d4]).toEqual(view.steps.slice(1).map((s) => s.dueOn));
    expect(sentOn).toEqual([
      [d2, 'transfer.step_due:第2步'], [next(d2), 'transfer.step_overdue:第2步'],
      [d3, 'transfer.step_due:第3步'], [next(d3), 'transfer.step_overdue:第3步'],
      [d4, 'transfer.step_due:第4步'], [next(d4), 'transfer.step_overdue:第4步'],
    ]);
    expect(transferCards().every((c) => c.to.join() === 'hr-s')).toBe(true);
  });

  it('marks the step done from the card’s 今日已办结 and closes the card; a second click changes nothing', async () => {
    const card = transferCards().find((c) => c.type === 'transfer.step_overdue' && c.subtitle?.includes('第2步'));
    const cardKey = card?.key as string;
    at('2027-01-05');
    const click = { cardKey, actionId: TRANSFER_STEP_DONE, actor: hr, platform: 'sandbox' as const, platformUserId: 'hr-s' };
    expect(await decideTransferCard(deps, click)).toEqual({ text: '已登记第2步于 2027-01-05 办结' });
    const step = await t.db.pensionTransferStep.findFirstOrThrow({ where: { transfer: { employeeId: li.id }, step: 2 } });
    expect(step.doneOn?.toISOString().slice(0, 10)).toBe('2027-01-05');
    expect((await t.db.cardInstance.findUniqueOrThrow({ where: { cardKey } })).state).not.toBe('OPEN');
    expect((await decideTransferCard(deps, click)).text).toContain('已由 李专员');
    expect(await decideTransferCard(deps, { ...click, platformUserId: 'someone-else' })).toEqual({ text: '你不是这张卡片的处理人' });
  });
});

describe('job transfer-reminders at scale', () => {
  it('skips reminders sent on an earlier day without a transaction each (one query per page)', async () => {
    const wang = await makeEmployee(deps, { name: '王五' });
    at('2027-03-01');
    await start(wang.id, '2026-09-24');
    expect(await runJob('2027-03-01')).toContain('overdue 3');
    at('2027-03-02');
    const transactions = vi.spyOn(deps.db, '$transaction');
    try {
      expect(await runJob('2027-03-02')).toContain('due today 0, overdue 0');
      // None: the six reminders already sent (三步 each for 李四 and 王五) used to open a transaction
      // each just to find their Alert taken, and the missing-2027-calendar warning one per run.
      expect(transactions.mock.calls.length).toBe(0);
    } finally {
      transactions.mockRestore();
    }
  });
  it('reads every open case once in keyset pages, with its steps in order', async () => {
    const asOf = '2027-03-02';
    const pages = await collect(openTransferPages(deps.db, asOf, 2));
    const open = await t.db.pensionTransfer.findMany({ where: { state: 'OPEN', startedOn: { lte: new Date(`${asOf}T00:00:00Z`) } }, include: { steps: true }, orderBy: { id: 'asc' } });
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    const read = pages.flat();
    expect(read.map((c) => c.id)).toEqual(open.map((c) => c.id));
    for (const c of read) {
      const stored = open.find((o) => o.id === c.id)!;
      expect(c).toMatchObject({ employeeId: stored.employeeId, fromCity: stored.fromCity, startedOn: stored.startedOn.toISOString().slice(0, 10) });
      expect(c.steps.map((s) => s.step)).toEqual([1, 2, 3, 4]);
      for (const s of c.steps) {
        const row = stored.steps.find((x) => x.id === s.id)!;
        expect(s.doneOn).toBe(row.doneOn?.toISOString().slice(0, 10) ?? null);
      }
    }
  });
  it('reads a page along the primary key, never sorting the cases after the cursor', async () => {
    // With sorting priced out, a page ordered by the key column needs no Sort node; one ordered by
    // a text cast of it (the bug: ORDER BY the alias) cannot do without one.
    const plan = await t.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_sort = off');
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': unknown }[]>(`EXPLAIN (FORMAT JSON) ${CASES_SQL}`, '2027-03-02', '00000000-0000-0000-0000-000000000000', 500);
    });
    expect(JSON.stringify(plan[0]!['QUERY PLAN'])).not.toContain('"Node Type":"Sort"');
  });
});

describe('job transfer-reminders on two instances', () => {
  it('sends each reminder card once when two runs of the same day race', async () => {
    const zhao = await makeEmployee(deps, { name: '赵六' });
    at('2027-04-01');
    await start(zhao.id, '2026-09-24');
    const before = outbox.messages.length;
    const summaries = await Promise.all([runJob('2027-04-01'), runJob('2027-04-01')]);
    const cards = outbox.messages.slice(before).filter((m) => m.payload.kind === 'card' && m.payload.card.type.startsWith('transfer.step'));
    // Steps 2–4 of 赵六's case are all overdue: three alerts, three cards, whichever run sent them.
    expect(await t.db.alert.count({ where: { employeeId: zhao.id } })).toBe(3);
    expect(cards.filter((m) => m.payload.kind === 'card' && m.payload.card.rows.some((r) => r.value === '赵六'))).toHaveLength(3);
    expect(new Set(cards.map((m) => m.dedupeKey)).size).toBe(cards.length);
    const sent = summaries.map((s) => Number(s.match(/overdue (\d+)/)?.[1]));
    expect(sent[0]! + sent[1]!).toBe(cards.length);
    expect(await t.db.auditEvent.count({ where: { type: 'transfer.reminded', subjectId: zhao.id } })).toBe(3);
  });
});

describe('job transfer-reminders with more than ten reminders in one run', () => {
  const digests = (from: number) => outbox.messages.slice(from).filter((m) => m.payload.kind === 'card' && m.payload.card.type === 'transfer.digest');
  const stepCards = (from: number) => outbox.messages.slice(from).filter((m) => m.payload.kind === 'card' && m.payload.card.type.startsWith('transfer.step'));
  const startMany = async (names: string[], day: string) => {
    const people = await Promise.all(names.map((name) => makeEmployee(deps, { name })));
    for (const p of people) await start(p.id, '2026-09-24');
    at(day);
    return people;
  };

  it('sends one digest card instead of a card per step, and still records every step’s Alert and audit event', async () => {
    at('2027-05-06');
    await runJob('2027-05-06'); // whatever earlier cases still owe, so this run owes only the new ones
    const people = await startMany(['陈一', '林二', '黄三', '吴四', '郑五', '冯六'], '2027-05-07');
    const before = outbox.messages.length;
    // Steps 2–4 of six cases started 2026-09-24 are all overdue: eighteen reminders.
    expect(await runJob('2027-05-07')).toContain('due today 0, overdue 18; queued 1 card(s)');
    expect(stepCards(before)).toHaveLength(0);
    const [digest] = digests(before);
    expect(digests(before)).toHaveLength(1);
    expect(digest?.recipients).toEqual(['hr-s']);
    const card = digest?.payload.kind === 'card' ? digest.payload.card : undefined;
    expect(card?.subtitle).toBe('2027-05-07：今日到期 0 步，已逾期 18 步，请在转移接续列表中逐项办理');
    expect(card?.rows.find((r) => r.label === '已逾期')?.value).toBe('18步（6人）：陈一、冯六、黄三、林二、吴四 等');
    expect(card?.buttons).toEqual([{ kind: 'link', text: '查看转移接续', url: `${deps.publicBaseUrl}/app/transfers` }]);
    const ids = people.map((p) => p.id);
    const alerts = await t.db.alert.findMany({ where: { employeeId: { in: ids } } });
    expect(alerts).toHaveLength(18);
    expect(new Set(alerts.map((a) => a.cardKey))).toEqual(new Set([card?.key]));
    expect(await t.db.auditEvent.count({ where: { type: 'transfer.reminded', subjectId: { in: ids } } })).toBe(18);
    expect(await t.db.cardInstance.count({ where: { cardKey: card?.key, subjectType: 'transfer_digest' } })).toBe(1);
    // A rerun the same day and the next day owe nothing new.
    expect(await runJob('2027-05-07')).toContain('due today 0, overdue 0; queued 0 card(s)');
    at('2027-05-10');
    expect(await runJob('2027-05-10')).toContain('due today 0, overdue 0; queued 0 card(s)');
    expect(outbox.messages.length - before).toBe(1);
  });

  it('sends the digest once when two runs of the same day race', async () => {
    const people = await startMany(['何七', '吕八', '施九', '张十', '孔十一', '曹十二'], '2027-05-11');
    const before = outbox.messages.length;
    const summaries = await Promise.all([runJob('2027-05-11'), runJob('2027-05-11')]);
    expect(digests(before)).toHaveLength(1);
    expect(stepCards(before)).toHaveLength(0);
    const sent = summaries.map((s) => Number(s.match(/overdue (\d+)/)?.[1]));
    expect(sent[0]! + sent[1]!).toBe(18);
    const ids = people.map((p) => p.id);
    expect(await t.db.alert.count({ where: { employeeId: { in: ids } } })).toBe(18);
    expect(await t.db.auditEvent.count({ where: { type: 'transfer.reminded', subjectId: { in: ids } } })).toBe(18);
  });
});
