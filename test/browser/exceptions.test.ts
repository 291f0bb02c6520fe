// "社保例外" in a real (headless) Chromium: the employee reads the notice that a waiver is void
// before asking, asks, and sees what happens next; HR opens a lawful request whose proof is
// missing and finds 提交审批 disabled, naming the missing document; a retired re-hire goes through
// the in-app next steps (no stale toast, no stale error, 返回申请) and HR sees who approved it.
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideApproval } from '../../src/services/approvals/decide-approval.ts';
import { requestInsuranceException } from '../../src/services/exceptions/request-insurance-exception.ts';
import { makeActor } from '../helpers/factories.ts';
import { resultsDir, startH5Browser, type H5Browser, drawSignature } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { storeNationalDefaultPolicy, TEST_CITY } from '../helpers/national-default-policy.ts';

const t = await createTestDb({ now: () => new Date('2026-11-20T02:00:00Z') });
let h5: H5Browser;

beforeAll(async () => {
  await storeNationalDefaultPolicy(t.db);
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

async function onePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([420, 297]);
  return Buffer.from(await doc.save());
}

describe('H5 "社保例外"', () => {
  it('shows the 第十九条 notice before the employee asks, then the outcome and the request', async () => {
    const emp = await makeActor(t.deps, ['EMPLOYEE'], { name: '周小二', startDate: '2026-06-15', monthlyWage: 600_000, insuredCity: TEST_CITY });
    const { page, errors } = await h5.phone(emp.employee.id);
    await page.goto(`${h5.base}/app/me`);
    await page.getByText('社保例外', { exact: true }).click();
    await page.waitForURL(`${h5.base}/app/exceptions`);
    const notice = page.locator('[data-test="notice"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('根据法释〔2025〕12号第十九条，员工承诺或与公司约定不缴纳社会保险无效；公司仍须依法为您缴纳。');
    expect(await notice.innerText()).toContain('其余险种仍须缴纳');
    expect(await page.getByRole('button', { name: '提交申请' }).isDisabled()).toBe(true);
    // Every lawful category is offered, and a chosen one shows its article, documents and what stays owed.
    for (const c of ['RETIRED_PENSIONER', 'OTHER_EMPLOYER_PAYS', 'PART_TIME', 'STUDENT_INTERN', 'DISPATCHED', 'FOREIGN_AGREEMENT', 'OVER_AGE_NO_PENSION']) {
      expect(await page.locator(`[data-reason="${c}"]`).count()).toBe(1);
    }
    await page.locator('[data-reason="STUDENT_INTERN"]').click();
    const category = await page.locator('[data-test="category"]').innerText();
    for (const text of ['不建立劳动关系', '所需材料：员工签署的声明、学生证或学籍证明、实习协议', '本单位仍须参加：无']) expect(category).toContain(text);
    await page.locator('[data-reason="RETIRED_PENSIONER"]').click();
    expect(await page.locator('[data-test="category"]').innerText()).toContain('《劳动合同法》第四十四条第（二）项');
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
    const legal = await page.locator('[data-test="legal"]').innerText();
    expect(legal).toContain('《劳动合同法实施条例》第二十一条');
    expect(legal).not.toContain('第三十二条');
    expect(await page.locator('[data-test="owed"]').innerText()).toContain('雇主责任险');
    await page.screenshot({ path: `${resultsDir}/exception-detail.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('keeps the employee inside the app through the next steps and labels a complete draft 待提交审批; HR sees who approved and when', async () => {
    await makeActor(t.deps, ['HR_MANAGER'], { name: '王经理' });
    const hrm = await makeActor(t.deps, ['HR_MANAGER'], { name: '赵经理' });
    const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '钱专员' });
    const emp = await makeActor(t.deps, ['EMPLOYEE'], { name: '郑老师', startDate: '2026-11-02' });
    const { page, errors } = await h5.phone(emp.employee.id);
    await page.goto(`${h5.base}/app/exceptions`);
    await page.locator('[data-reason="RETIRED_PENSIONER"]').click();
    await page.getByRole('button', { name: '提交申请' }).click();
    const result = page.locator('[data-test="result"]');
    await result.waitFor();
    // Router links, not the absolute PUBLIC_BASE_URL ones the chat cards carry.
    const hrefs = await result.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toHaveLength(2);
    for (const href of hrefs) expect(href).toMatch(/^\/app\/(sign|proofs)\//);
    await page.getByText('已提交', { exact: true }).waitFor();
    const id = (await t.db.insuranceException.findFirstOrThrow({ where: { employeeId: emp.employee.id } })).id;
    expect(await page.locator(`[data-exception="${id}"]`).innerText()).toContain('待补充材料');

    // The 已提交 toast stays behind; a fixed field clears its error.
    await result.getByText('签署声明').click();
    await page.waitForURL(`${h5.base}/app/sign/insurance-exception-declaration/${id}`);
    await expect.poll(() => page.getByText('已提交', { exact: true }).isVisible(), { timeout: 1000 }).toBe(false);
    await page.getByRole('button', { name: '确认签署' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('请输入您的姓名');
    await page.getByPlaceholder('请输入您的姓名').fill('郑老师');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await page.locator('.van-checkbox__icon').click();
    await drawSignature(page);
    await page.getByRole('button', { name: '确认签署' }).click();
    await page.getByText('签署完成').waitFor();

    // The proof, then 返回申请 back to the request: both documents in, so it waits for HR.
    await page.goto(`${h5.base}/app/exceptions`);
    await page.locator('.next-steps').getByText('上传证明').waitFor();
    // Signed is done: only the upload is left as 「下一步」.
    expect(await page.locator('.next-steps').innerText()).not.toContain('签署声明');
    await page.locator('.next-steps').getByText('上传证明').click();
    await page.waitForURL(/\/app\/proofs\/upload\?/);
    await page.getByTestId('file-picker').locator('input[type=file]').setInputFiles({ name: '退休证.pdf', mimeType: 'application/pdf', buffer: await onePagePdf() });
    await page.getByTestId('chosen-file').waitFor();
    await page.getByTestId('consent').getByText('单独同意').click();
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.getByText('上传成功').waitFor();
    await page.screenshot({ path: `${resultsDir}/exception-proof-uploaded.png`, fullPage: true });
    await page.getByTestId('back-to-request').click();
    await page.waitForURL(`${h5.base}/app/exceptions`);
    await expect.poll(() => page.locator(`[data-exception="${id}"]`).innerText()).toContain('待提交审批');
    expect(errors).toEqual([]);

    // HR submits; a manager approves with a comment; the detail names them, the time and the comment.
    const hrPage = await h5.phone(hr.employee.id);
    const hp = hrPage.page;
    await hp.goto(`${h5.base}/app/exceptions/${id}`);
    // The page loads and the submission round-trips before the status changes: allow a loaded machine its time.
    const slow = { timeout: 10_000 };
    await expect.poll(() => hp.locator('[data-test="status"]').innerText(), slow).toBe('待提交审批');
    await hp.locator('[data-test="submit"]').click();
    await expect.poll(() => hp.locator('[data-test="status"]').innerText(), slow).toBe('审批中');
    const { approvalId } = await t.db.insuranceException.findUniqueOrThrow({ where: { id } });
    await decideApproval(t.deps, { approvalId: approvalId as string, decision: 'APPROVE', comment: '退休证已核对', actor: hrm.actor, channel: 'h5' });
    await hp.reload();
    await expect.poll(() => hp.locator('[data-test="status"]').innerText(), slow).toBe('已批准');
    const decision = await hp.locator('[data-test="approval-decision"]').innerText();
    for (const text of ['赵经理：已同意', '2026-11-20 10:00', '意见：退休证已核对']) expect(decision).toContain(text);
    expect(await hp.locator('[data-test="approval"]').innerText()).toContain('办结于 2026-11-20 10:00');
    expect(await hp.getByText('后续任务', { exact: true }).count()).toBe(1);
    expect(await hp.locator('[data-test="tasks-follow-up"]').innerText()).toContain('仍须为郑老师办理工伤保险增员');
    expect(await hp.getByText('整改任务').count()).toBe(0);
    await hp.screenshot({ path: `${resultsDir}/exception-approved.png`, fullPage: true });
    const download = hp.waitForEvent('download');
    await hp.locator('[data-test="evidence-pack"]').click();
    expect((await download).suggestedFilename()).toMatch(/\.zip$/);
    expect(hrPage.errors).toEqual([]);
  });
});
