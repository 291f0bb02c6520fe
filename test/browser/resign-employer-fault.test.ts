// 离职申请 on a 第三十八条 ground in Chromium: the employee picks 因公司过错解除, then the fault
// (未依法缴纳社会保险费), sees its legal effect (no notice period, economic compensation), and the
// request reaches the server with that ground.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
let h5: H5Browser;
let employeeId = '';

beforeAll(async () => {
  await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林人事', identities: { sandbox: 'hr' } });
  employeeId = (await makeEmployee(t.deps, { name: '未参保者', startDate: '2025-01-06' })).id;
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('离职申请 for the employer\'s fault', () => {
  it('offers the 第三十八条 grounds, shows the legal effect, and sends the picked ground', async () => {
    const { page, errors } = await h5.phone(employeeId);
    await page.goto(`${h5.base}/app/resign`);
    await page.getByText('因公司过错解除（第三十八条）').click();
    const effect = page.getByTestId('resign-effect');
    await effect.waitFor();
    expect(await effect.innerText()).toContain('无需提前三十日通知');
    expect(await effect.innerText()).toContain('经济补偿');
    const submitButton = page.getByRole('button', { name: '提交离职申请' });
    await page.getByTestId('day-field').click();
    await page.locator('.van-picker__confirm').click();
    await page.locator('textarea').fill('公司未缴纳社会保险');
    // No ground picked yet: nothing to send.
    expect(await submitButton.isDisabled()).toBe(true);
    await page.getByTestId('resign-ground').getByText('未依法为劳动者缴纳社会保险费', { exact: false }).click();
    // The notice period is none: no short-notice warning although the last day is today.
    expect(await page.getByText('少于法定的提前三十日', { exact: false }).count()).toBe(0);
    await page.screenshot({ path: `${resultsDir}/h5-resign-employer-fault.png`, fullPage: true });
    await submitButton.click();
    await page.getByText('已提交').waitFor();
    const process = await t.db.exitProcess.findFirstOrThrow({ where: { employeeId } });
    expect({ kind: process.kind, ground: process.ground }).toEqual({ kind: 'EMPLOYER_FAULT_RESIGNATION', ground: 'no_social_insurance' });
    expect(errors).toEqual([]);
  });
});
