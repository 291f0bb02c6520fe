// "社保例外" in a real (headless) Chromium: the employee reads the notice that a waiver is void
// before asking, asks, and sees what happens next; HR opens a lawful request whose proof is
// missing and finds 提交审批 disabled, naming the missing document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestInsuranceException } from '../../src/services/exceptions/request-insurance-exception.ts';
import { makeActor } from '../helpers/factories.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-11-20T02:00:00Z') });
let h5: H5Browser;

beforeAll(async () => {
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('H5 "社保例外"', () => {
  it('shows the 第十九条 notice before the employee asks, then the outcome and the request', async () => {
    const emp = await makeActor(t.deps, ['EMPLOYEE'], { name: '周小二', startDate: '2026-06-15', monthlyWage: 600_000 });
    const { page, errors } = await h5.phone(emp.employee.id);
    await page.goto(`${h5.base}/app/me`);
    await page.getByText('社保例外', { exact: true }).click();
    await page.waitForURL(`${h5.base}/app/exceptions`);
    const notice = page.locator('[data-test="notice"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('根据法释〔2025〕12号第十九条，员工承诺或与公司约定不缴纳社会保险无效；公司仍须依法为您缴纳。仅退休返聘、原单位仍在缴纳两种情况可依法不在本单位参保（工伤保险仍须缴纳）。');
    expect(await page.getByRole('button', { name: '提交申请' }).isDisabled()).toBe(true);
    await page.locator('[data-reason="PREFER_CASH"]').click();
    await page.screenshot({ path: `${resultsDir}/exceptions-form.png`, fullPage: true });
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.locator('[data-test="result"]').waitFor();
    expect(await page.locator('[data-test="result"]').innerText()).toContain('该申请无效，公司仍须依法为你缴纳社会保险');
    await page.getByText('不予豁免，须增员').first().waitFor();
    expect(await t.db.insuranceException.count({ where: { employeeId: emp.employee.id, status: 'REMEDIATION' } })).toBe(1);
    await page.getByText('不予豁免，须增员').first().click();
    await page.locator('[data-test="risk-total"]').waitFor();
    expect(await page.locator('[data-test="risk-total"]').innerText()).toContain('¥15,724.45');
    const body = await page.locator('body').innerText();
    for (const text of ['¥412.45', '《社会保险法》第八十六条', '¥3,000.00', '《劳动合同法》第三十八条、第四十六条、第四十七条']) expect(body).toContain(text);
    await page.screenshot({ path: `${resultsDir}/exception-waiver.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('lets HR see the checklist and keeps 提交审批 disabled while the proof is missing', async () => {
    const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李专员' });
    const emp = await makeActor(t.deps, ['EMPLOYEE'], { name: '吴老师', startDate: '2026-11-02' });
    const { exception } = await requestInsuranceException(t.deps, { actor: emp.actor, reasonCategory: 'RETIRED_PENSIONER' });
    const { page, errors } = await h5.phone(hr.employee.id);
    await page.goto(`${h5.base}/app/exceptions`);
    await page.locator(`[data-exception="${exception.id}"]`).click();
    await page.waitForURL(`${h5.base}/app/exceptions/${exception.id}`);
    const submit = page.locator('[data-test="submit"]');
    await submit.waitFor();
    expect(await submit.innerText()).toBe('缺少：员工签署的声明、退休证或养老金领取证明');
    expect(await submit.isDisabled()).toBe(true);
    expect(await page.locator('[data-doc="PENSION_CERTIFICATE"]').innerText()).toContain('✘ 退休证或养老金领取证明');
    expect(await page.locator('[data-test="legal"]').innerText()).toContain('第三十二条');
    await page.screenshot({ path: `${resultsDir}/exception-detail.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
