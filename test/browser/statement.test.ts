// "我的社保" in a real (headless) Chromium against the real server: an employee opens it from
// "我的" and reads their own months, shares and the 第六十条 line, and nobody else's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importContributions } from '../../src/services/contributions/import-contributions.ts';
import { makeEmployee, testAdmin } from '../helpers/factories.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-03-15T02:00:00Z') });
let h5: H5Browser;
let employeeId: string;

beforeAll(async () => {
  employeeId = (await makeEmployee(t.deps, { employeeNo: 'B001', name: '陈一鸣' })).id;
  await makeEmployee(t.deps, { employeeNo: 'B002', name: '别人' });
  const rows = [
    '工号,所属期,险种,缴费基数,单位缴纳,个人缴纳',
    'B001,2026-01,养老,10000,1600,800',
    'B001,2026-01,医疗,10000,900,200',
    'B001,2026-02,养老,12345.67,1975.31,987.65',
    'B002,2026-02,养老,99999,15999.84,7999.92',
  ];
  await importContributions(t.deps, { actor: testAdmin, fileName: 'c.csv', buffer: Buffer.from(rows.join('\n')) });
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('H5 "我的社保"', () => {
  it('opens from "我的" and shows the employee\'s own months with both shares and the legal basis', async () => {
    const { page, errors } = await h5.phone(employeeId);
    const { base } = h5;
    await page.goto(`${base}/app/me`);
    await page.getByText('我的社保').click();
    await page.waitForURL(`${base}/app/statement`);
    await page.getByText('2026年2月').waitFor();
    expect(await page.title()).toBe('我的社保');
    const body = await page.locator('body').innerText();
    expect(body).toContain('《社会保险法》第六十条');
    expect(body).toMatch(/单位 ¥1,975\.31[\s\S]*个人 ¥987\.65/);
    expect(body).not.toContain('¥15,999.84');
    await page.getByText('2026年1月').click();
    await expect.poll(() => page.locator('[data-type="MEDICAL"]').innerText()).toMatch(/医疗保险[\s\S]*单位 ¥900\.00[\s\S]*个人 ¥200\.00/);
    expect(await page.locator('.summary .van-cell').last().innerText()).toMatch(/^合计\s+¥6,462\.96$/);
    await page.screenshot({ path: `${resultsDir}/h5-statement.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
