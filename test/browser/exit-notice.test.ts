// The exit pages in Chromium: the absent employee opens the 返岗通知书 from the chat link (which
// records the read), answers 「我将于…返岗」, and HR sees the read and the answer on the case page
// and closes it with 已返岗; an employee gives notice on 离职申请 with the short-notice warning.
// The absence starts ten days back, so it counts enough workdays whatever weekday today is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { addDays, dayIn } from '../../src/domain/dates.ts';
import { sendExitNotice } from '../../src/services/exits/send-exit-notice.ts';
import { startAbsenceExitProcess } from '../../src/services/exits/start-absence-exit-process.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { drawSignature, resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { pickDay } from '../helpers/pick-day.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
let h5: H5Browser;
let processId = '';
let absentId = '';
let hrId = '';
let staffId = '';
let resignerId = '';
let resignerProcessId = '';
const today = dayIn('Asia/Shanghai', new Date());

beforeAll(async () => {
  const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林人事', identities: { sandbox: 'hr' } });
  hrId = hr.employee.id;
  staffId = (await makeEmployee(t.deps, { name: '辞职者', startDate: '2025-01-06' })).id;
  const absent = await makeEmployee(t.deps, { name: '缺勤者', identities: { sandbox: 'absent' } });
  absentId = absent.id;
  const c = await t.db.absenceCase.create({ data: { uniqueKey: `${absent.id}:b`, employeeId: absent.id, trigger: 'attendance', firstAbsentDay: new Date(`${addDays(today, -10)}T00:00:00Z`), lastCheckedDay: new Date(`${addDays(today, -1)}T00:00:00Z`), absentDays: 3, days: [addDays(today, -3), addDays(today, -2), addDays(today, -1)], managerDueAt: new Date() } });
  processId = (await t.db.$transaction((tx) => startAbsenceExitProcess(t.deps, tx, { employeeId: absent.id, absenceCaseId: c.id, actor: systemActor('test'), reason: 'manager_unreachable' }))).exitProcessId;
  await sendExitNotice(t.deps, { processId, actor: hr.actor });
  const resigner = await makeEmployee(t.deps, { name: '辞职确认者', identities: { sandbox: 'resigner' } });
  resignerId = resigner.id;
  const c2 = await t.db.absenceCase.create({ data: { uniqueKey: `${resigner.id}:b`, employeeId: resigner.id, trigger: 'attendance', firstAbsentDay: new Date(`${addDays(today, -10)}T00:00:00Z`), lastCheckedDay: new Date(`${addDays(today, -1)}T00:00:00Z`), absentDays: 3, days: [addDays(today, -3), addDays(today, -2), addDays(today, -1)], managerDueAt: new Date() } });
  resignerProcessId = (await t.db.$transaction((tx) => startAbsenceExitProcess(t.deps, tx, { employeeId: resigner.id, absenceCaseId: c2.id, actor: systemActor('test'), reason: 'manager_unreachable' }))).exitProcessId;
  await sendExitNotice(t.deps, { processId: resignerProcessId, actor: hr.actor });
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('H5 exit pages', () => {
  it('records the employee reading the notice, takes the answer, and shows both to HR', async () => {
    const { page, errors } = await h5.phone(absentId);
    await page.goto(`${h5.base}/app/exits/${processId}/notice`);
    await page.getByText('第三十九条第（二）项', { exact: false }).first().waitFor();
    expect(await page.title()).toBe('返岗通知书');
    await pickDay(page, page.getByTestId('day-field'), addDays(today, 1));
    await page.getByRole('button', { name: '提交回复' }).click();
    await page.getByText(`我将于 ${addDays(today, 1)} 返岗`).first().waitFor();
    await page.screenshot({ path: `${resultsDir}/h5-exit-notice.png`, fullPage: true });
    const step = await t.db.exitStep.findFirstOrThrow({ where: { processId } });
    expect(step.readAt).not.toBeNull();
    expect(step.answer).toBe('RETURN');
    expect(errors).toEqual([]);

    const hr = await h5.phone(hrId);
    await hr.page.goto(`${h5.base}/app/exits/${processId}`);
    await hr.page.getByText('员工已打开', { exact: false }).waitFor();
    await hr.page.getByText(`员工回复：我将于 ${addDays(today, 1)} 返岗`, { exact: false }).waitFor();
    await hr.page.screenshot({ path: `${resultsDir}/h5-exit-case.png`, fullPage: true });
    await hr.page.getByRole('button', { name: '已返岗' }).click();
    await expect.poll(() => hr.page.locator('[data-test="state"]').innerText()).toContain('员工已返岗');
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: absentId } })).status).toBe('ACTIVE');
    expect(hr.errors).toEqual([]);
  });

  it('confirms 「我已离职」 as a written resignation with a drawn signature: the case becomes a resignation', async () => {
    const { page, errors } = await h5.phone(resignerId);
    await page.goto(`${h5.base}/app/exits/${resignerProcessId}/notice`);
    await page.getByText('我已离职', { exact: true }).click();
    await page.getByText('确认以此作为书面辞职通知（《劳动合同法》第三十七条）').click();
    await pickDay(page, page.getByTestId('day-field'), addDays(today, 7));
    await page.getByRole('button', { name: '提交回复' }).click();
    await page.getByText(`最后工作日为 ${addDays(today, 7)}`, { exact: false }).waitFor();
    await page.getByPlaceholder('请输入您的姓名').fill('辞职确认者');
    await page.locator('.van-checkbox__icon').click();
    // The letter is long: bring the pad into view before drawing on it.
    await page.getByTestId('signature-canvas').scrollIntoViewIfNeeded();
    await drawSignature(page);
    await page.getByRole('button', { name: '确认签署' }).click();
    await page.getByText('签署完成').waitFor();
    await page.screenshot({ path: `${resultsDir}/h5-exit-resignation-signed.png`, fullPage: true });
    const p = await t.db.exitProcess.findUniqueOrThrow({ where: { id: resignerProcessId } });
    expect({ kind: p.kind, state: p.state, exitDate: p.exitDate?.toISOString().slice(0, 10) }).toEqual({ kind: 'RESIGNATION', state: 'ACCEPTED', exitDate: addDays(today, 7) });
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: resignerId } })).status).toBe('PENDING_EXIT');
    expect(await t.db.evidenceEntry.count({ where: { subjectId: resignerProcessId, type: 'signature' } })).toBe(1);
    expect(errors).toEqual([]);
  });

  it('lets an employee give notice and warns about a short notice period', async () => {
    const { page, errors } = await h5.phone(staffId);
    await page.goto(`${h5.base}/app/resign`);
    // Vant's DatePicker, not the browser's mm/dd/yyyy input: open it, scroll the day column to
    // ten days on, confirm.
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    await page.getByTestId('day-field').click();
    const target = addDays(today, 10);
    const pick = async (column: number, text: string) => {
      const option = page.locator('.van-picker-column').nth(column).locator('.van-picker-column__item', { hasText: new RegExp(`^${text}$`) });
      await option.click();
    };
    await page.locator('.van-picker-column').first().waitFor();
    await pick(0, `${target.slice(0, 4)}年`);
    await pick(1, `${target.slice(5, 7)}月`);
    await pick(2, `${target.slice(8, 10)}日`);
    await page.locator('.van-picker__confirm').click();
    await expect.poll(() => page.getByTestId('day-field').locator('input').inputValue()).toBe(target);
    await page.getByText('少于法定的提前三十日', { exact: false }).waitFor();
    await page.locator('textarea').fill('个人发展');
    await page.getByRole('button', { name: '提交离职申请' }).click();
    await page.getByText('已提交').waitFor();
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: staffId } })).status).toBe('PENDING_EXIT');
    expect(errors).toEqual([]);
  });
});
