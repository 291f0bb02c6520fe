// HR's 补缴测算 page in a real Chromium: reached from 工作台, an ad-hoc wage and city over two months
// picked with the month pickers shows the month table, the unverified warning and the same totals
// as `sentinel calc back-pay --json` for the same input.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { formatYuan } from '../../src/domain/money.ts';
import { importPolicyFile } from '../../src/services/policies/import-policy-file.ts';
import { makeActor } from '../helpers/factories.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const NOW = new Date('2025-09-10T02:00:00Z'); // 10:00 in Shanghai
const t = await createTestDb({ now: () => NOW });
let h5: H5Browser;
let hrId = '';
const dir = mkdtempSync(join(tmpdir(), 'calc-'));

const period = {
  from: '2025-01', to: null, baseFloorFen: 746000, baseCeilingFen: 3730200,
  rates: { pension: { employer: '0.16', employee: '0.08' }, medical: { employer: '0.09', employee: '0.02' } },
  rounding: 'fen' as const, dueDay: 'last' as const, lateFee: { method: 'daily' as const, dailyRate: '0.0005', on: 'total' as const },
  averageMonthlyWageFen: 1243400, minimumWageFen: 274000, source: null, verified: false,
};

beforeAll(async () => {
  await importPolicyFile(t.deps, { actor: systemActor('test'), file: { city: '示例市', cityCode: '000000', periods: [period] }, notify: false });
  hrId = (await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林晓雯', identities: { sandbox: 'hr' } })).employee.id;
  h5 = await startH5Browser(t);
});

afterAll(async () => {
  await h5?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Page = Awaited<ReturnType<H5Browser['phone']>>['page'];

async function pickMonth(page: Page, field: string, month: string) {
  await page.getByTestId(field).click();
  const columns = page.locator('.van-popup--bottom:visible .van-picker-column');
  await columns.first().waitFor();
  // The month column keeps moving while the year column settles; a dispatched click needs no stable box.
  await columns.nth(0).locator('.van-picker-column__item', { hasText: new RegExp(`^${month.slice(0, 4)}年$`) }).dispatchEvent('click');
  await columns.nth(1).locator('.van-picker-column__item', { hasText: new RegExp(`^${month.slice(5, 7)}月$`) }).dispatchEvent('click');
  await page.locator('.van-popup--bottom:visible .van-picker__confirm').click();
  await expect.poll(() => page.getByTestId(field).locator('input').inputValue()).toBe(month);
}

async function pickDay(page: Page, day: string) {
  await page.getByTestId('day-field').click();
  const columns = page.locator('.van-popup--bottom:visible .van-picker-column');
  await columns.first().waitFor();
  for (const [column, text] of [[0, `${day.slice(0, 4)}年`], [1, `${day.slice(5, 7)}月`], [2, `${day.slice(8, 10)}日`]] as const) {
    await columns.nth(column).locator('.van-picker-column__item', { hasText: new RegExp(`^${text}$`) }).dispatchEvent('click');
  }
  await page.locator('.van-popup--bottom:visible .van-picker__confirm').click();
  await expect.poll(() => page.getByTestId('day-field').locator('input').inputValue()).toBe(day);
}

describe('补缴测算 page', () => {
  it('shows the same month table and totals as the CLI, with the unverified warning', async () => {
    const env = { DATABASE_URL: t.url, DATA_DIR: dir, SCHEDULER: 'off', LOG_LEVEL: 'silent', ADMIN_TOKEN: 'a'.repeat(32), SENTINEL_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };
    let out = '';
    const code = await runCli(['calc', 'back-pay', '--city', '示例市', '--wage', '5000', '--from', '2025-05', '--to', '2025-06', '--pay-on', '2025-09-10', '--json'], env, { out: { write: (s: string) => (out += s) }, err: { write: () => undefined } });
    expect(code).toBe(0);
    const cli = JSON.parse(out) as { totals: Record<string, number>; months: { month: string; lateFeeFen: number }[] };

    const { page, errors } = await h5.phone(hrId);
    await page.goto(`${h5.base}/app/workbench`);
    await page.getByTestId('entries').getByText('补缴测算', { exact: true }).click();
    await page.waitForURL(`${h5.base}/app/calc`);
    await page.getByTestId('mode-wage').click();
    await page.getByTestId('city-field').click();
    await page.locator('.van-popup--bottom:visible .van-picker__confirm').click();
    await page.getByTestId('wage-field').locator('input').fill('5000');
    await pickMonth(page, 'from-field', '2025-05');
    await pickMonth(page, 'to-field', '2025-06');
    await pickDay(page, '2025-09-10');
    await page.getByTestId('calculate').click();
    await page.getByTestId('totals').waitFor();
    expect(await page.getByTestId('grand-total').innerText()).toContain(formatYuan(cli.totals.grandTotalFen!));
    const totals = await page.getByTestId('totals').innerText();
    for (const key of ['employerFen', 'employeeFen', 'totalFen', 'lateFeeFen']) expect(totals).toContain(formatYuan(cli.totals[key]!));
    expect(await page.locator('[data-month]').count()).toBe(2);
    expect(await page.locator('[data-month="2025-05"]').innerText()).toContain(formatYuan(cli.months[0]!.lateFeeFen));
    expect(await page.getByTestId('warning').first().innerText()).toMatch(/^政策数据未经核实：示例市/);
    await page.screenshot({ path: `${resultsDir}/h5-calc.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
