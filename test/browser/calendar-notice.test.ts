// "节假日安排" and the deadline on "社保增员" in a real Chromium against the real server: HR sees
// that 2027's notice is not out, the enrolment page says a 2027 deadline may move, and pasting the
// notice previews the holidays and the moved deadline, then imports it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEmployee } from '../helpers/factories.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-12-07T02:00:00Z') });
let h5: H5Browser;
let hrId: string;
let hireId: string;

beforeAll(async () => {
  hrId = (await makeEmployee(t.deps, { name: '李专员', roles: ['HR_SPECIALIST'], enrolledOn: '2026-01-05' })).id;
  hireId = (await makeEmployee(t.deps, { name: '王新人', startDate: '2027-01-08', status: 'ONBOARDING' })).id;
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('H5 节假日安排', () => {
  it('shows the caveat, previews a notice with the deadline it moves, and imports it', async () => {
    const { page, errors } = await h5.phone(hrId);
    const { base } = h5;
    await page.goto(`${base}/app/enrolment?employee=${hireId}`);
    const deadline = page.getByTestId('deadline');
    await deadline.getByText('2027-02-09').waitFor();
    expect(await deadline.innerText()).toContain('2027年放假安排未公布，日期可能顺延');
    await page.screenshot({ path: `${resultsDir}/h5-enrolment-deadline.png`, fullPage: true });

    await page.goto(`${base}/app/calendar`);
    await page.getByTestId('status').getByText('未公布', { exact: true }).waitFor();
    expect(await page.title()).toBe('节假日安排');
    await page.getByTestId('notice-text').locator('textarea').fill(readFileSync('test/fixtures/holiday-notice-2027-hypothetical.txt', 'utf8'));
    await page.getByRole('button', { name: '预览' }).click();
    const preview = page.getByTestId('preview');
    await preview.getByText('王新人 社保增员：2027-02-09 → 2027-02-13').waitFor();
    expect(await preview.innerText()).toContain('2027-02-13（春节）');
    await page.screenshot({ path: `${resultsDir}/h5-calendar-preview.png`, fullPage: true });
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByTestId('status').getByText('已公布', { exact: true }).waitFor();
    expect(await t.db.holidayNotice.count({ where: { year: 2027 } })).toBe(1);

    await page.goto(`${base}/app/enrolment?employee=${hireId}`);
    await deadline.getByText('2027-02-13').waitFor();
    expect(await deadline.innerText()).not.toContain('未公布');
    expect(errors).toEqual([]);
  });
});
