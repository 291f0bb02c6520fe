// HR's 转移接续 page in a real Chromium: reached from 工作台, it lists the case with each step's due
// day, records the open step on a day picked with DayField, and starts the case a 建议办理 card
// links to (?employee=…).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTransfer } from '../../src/services/transfer/start-transfer.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const NOW = new Date('2026-10-23T02:00:00Z'); // 10:00 in Shanghai, a Friday
const t = await createTestDb({ now: () => NOW });
let h5: H5Browser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林晓雯', identities: { sandbox: 'hr' } });
  ids.hr = hr.employee.id;
  ids.zhang = (await makeEmployee(t.deps, { name: '张三' })).id;
  ids.wang = (await makeEmployee(t.deps, { name: '王新人', startDate: '2026-10-12', insuredCity: '苏州', previousInsuredCity: '杭州' })).id;
  await startTransfer(t.deps, { actor: hr.actor, employeeId: ids.zhang, fromCity: '长沙', toCity: '上海', direction: 'INTO', startedOn: '2026-09-24' });
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

async function pickDay(page: Awaited<ReturnType<H5Browser['phone']>>['page'], day: string) {
  await page.getByTestId('day-field').last().click();
  await page.locator('.van-picker-column').first().waitFor();
  for (const [column, text] of [[0, `${day.slice(0, 4)}年`], [1, `${day.slice(5, 7)}月`], [2, `${day.slice(8, 10)}日`]] as const) {
    await page.locator('.van-picker-column').nth(column).locator('.van-picker-column__item', { hasText: new RegExp(`^${text}$`) }).click();
  }
  await page.locator('.van-picker__confirm').click();
}

describe('转移接续 page', () => {
  it('opens from 工作台, shows the due days and records step 2 on the picked day', async () => {
    const { page, errors } = await h5.phone(ids.hr);
    await page.goto(`${h5.base}/app/workbench`);
    await page.getByTestId('entries').getByText('转移接续', { exact: true }).click();
    await page.waitForURL(`${h5.base}/app/transfers`);
    const block = page.locator('[data-transfer]');
    await block.first().waitFor();
    expect(await block.locator('[data-step]').allInnerTexts()).toEqual([
      expect.stringMatching(/第1步[\s\S]*2026-09-24 办结[\s\S]*已办结/),
      expect.stringMatching(/第2步[\s\S]*截止 2026-10-22[\s\S]*已逾期/),
      expect.stringMatching(/第3步[\s\S]*截止 2026-11-12[\s\S]*待上一步/),
      expect.stringMatching(/第4步[\s\S]*截止 2026-12-03[\s\S]*待上一步/),
    ]);
    await pickDay(page, '2026-10-20');
    await page.getByTestId('mark-done').click();
    await expect.poll(() => block.locator('[data-step="2"]').innerText()).toMatch(/2026-10-20 办结（林晓雯）/);
    expect(await block.locator('[data-step="3"]').innerText()).toMatch(/截止 2026-11-10/);
    await page.screenshot({ path: `${resultsDir}/h5-transfers.png`, fullPage: true });
    const step = await t.db.pensionTransferStep.findFirstOrThrow({ where: { transfer: { employeeId: ids.zhang }, step: 2 } });
    expect(step.doneOn?.toISOString().slice(0, 10)).toBe('2026-10-20');
    expect(errors).toEqual([]);
  });

  it('starts the suggested case from the card link, prefilled with both cities', async () => {
    const { page, errors } = await h5.phone(ids.hr);
    await page.goto(`${h5.base}/app/transfers?employee=${ids.wang}`);
    const form = page.getByTestId('start-form');
    await form.waitFor();
    expect(await form.locator('input').nth(0).inputValue()).toBe('杭州');
    expect(await form.locator('input').nth(1).inputValue()).toBe('苏州');
    await form.getByRole('button', { name: '建立案件' }).click();
    await page.locator('[data-transfer]', { hasText: '王新人' }).waitFor();
    const created = await t.db.pensionTransfer.findFirstOrThrow({ where: { employeeId: ids.wang } });
    expect([created.fromCity, created.toCity, created.startedOn.toISOString().slice(0, 10)]).toEqual(['杭州', '苏州', '2026-10-23']);
    expect(errors).toEqual([]);
  });
});
