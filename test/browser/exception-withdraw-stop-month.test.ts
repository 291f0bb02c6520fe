// The exception page in a real (headless) Chromium: the employee withdraws a request that is already
// with the HR manager (撤回申请), and HR gives a lapsed dual-employment exception the month the
// original employer stopped paying, after which the page says enrolment and back-pay run from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor } from '../helpers/factories.ts';
import { submittedException } from '../helpers/exception-kit.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { pickDay } from '../helpers/pick-day.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2027-01-18T02:00:00Z') });
let h5: H5Browser;
const slow = { timeout: 10_000 };

beforeAll(async () => {
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('H5 exception page', () => {
  it('lets the employee withdraw a request that is with the HR manager', async () => {
    const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李专员' });
    await makeActor(t.deps, ['HR_MANAGER'], { name: '王经理' });
    const emp = await makeActor(t.deps, ['EMPLOYEE'], { name: '何同学', startDate: '2027-01-04' });
    const { id, approvalId } = await submittedException(t.deps, { emp, hr, category: 'STUDENT_INTERN', coversMonth: '2026-12' });
    const { page, errors } = await h5.phone(emp.employee.id);
    await page.goto(`${h5.base}/app/exceptions/${id}`);
    await expect.poll(() => page.locator('[data-test="status"]').innerText(), slow).toBe('审批中');
    expect(await page.locator('[data-test="owed"]').innerText()).toContain('无');
    await page.getByRole('button', { name: '撤回申请' }).click();
    await expect.poll(() => page.locator('[data-test="status"]').innerText(), slow).toBe('已撤回');
    expect(await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({ status: 'WITHDRAWN' });
    expect(await page.getByRole('button', { name: '撤回申请' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('asks HR for the month the original employer stopped paying and shows where the clock runs from', async () => {
    const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '周专员' });
    const emp = await makeActor(t.deps, ['EMPLOYEE'], { name: '吕师傅', startDate: '2026-06-01' });
    const { id } = await submittedException(t.deps, { emp, hr, category: 'OTHER_EMPLOYER_PAYS', coversMonth: '2026-12' });
    await t.db.insuranceException.update({ where: { id }, data: { status: 'LAPSED', lapsedOn: new Date('2027-01-17T00:00:00Z') } });
    const { page, errors } = await h5.phone(hr.employee.id);
    await page.goto(`${h5.base}/app/exceptions/${id}`);
    const clock = page.locator('[data-test="clock-note"]');
    await expect.poll(() => clock.innerText(), slow).toContain('增员期限自失效日 2027-01-17 起算三十日');
    const form = page.locator('[data-test="stopped-month"]');
    // A month picker that ends at the lapse month (a later stop needs no entry).
    await pickDay(page, form.getByTestId('day-field'), '2026-11');
    await page.locator('[data-test="save-stopped-month"]').click();
    await expect.poll(() => clock.innerText(), slow).toBe('增员及补缴自原单位停缴月份 2026-11 起算（《社会保险法》第五十八条）');
    expect(await form.count()).toBe(0);
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: emp.employee.id } })).enrolmentClockFrom?.toISOString().slice(0, 10)).toBe('2026-11-01');
    await page.screenshot({ path: `${resultsDir}/exception-stop-month.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
