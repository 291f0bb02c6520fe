// "待办" in a real (headless) Chromium against the real server: the approver opens it from 我的,
// opens the approval, approves with a comment, and sees who decided; the submitter can withdraw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { makeCompany, registerTestDefinitions, submit, type Company } from '../services/approvals-kit.ts';

const t = await createTestDb();
let h5: H5Browser;
registerTestDefinitions();
let c: Company;

beforeAll(async () => {
  c = await makeCompany(t.deps);
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('H5 "待办"', () => {
  it('lets the approver approve with a comment from 我的 → 待办 → 详情, then shows who decided', async () => {
    const { approvalId } = await submit(t.deps, c, 'test-any');
    const { page, errors } = await h5.phone(c.hrm1.employee.id);
    await page.goto(`${h5.base}/app/me`);
    await page.getByText('待办', { exact: true }).click();
    await page.waitForURL(`${h5.base}/app/todo`);
    const item = page.locator(`[data-approval="${approvalId}"]`);
    await item.waitFor();
    expect(await item.innerText()).toMatch(/测试审批：张三[\s\S]*李人事 提交 · (刚刚提交|已等待 \d+ 小时) · 截止 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await item.click();
    await page.waitForURL(`${h5.base}/app/todo/${approvalId}`);
    await page.getByText('人事经理审批（或签）· 审批中').waitFor();
    expect(await page.locator('body').innerText()).toContain('事由');
    await page.getByRole('button', { name: '同意' }).click();
    await page.getByPlaceholder('审批意见（选填）').fill('材料齐全');
    await page.locator('.van-dialog__confirm').click();
    await page.getByText(/已同意 · 王经理 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}：材料齐全/).waitFor();
    expect(await page.getByRole('button', { name: '驳回' }).count()).toBe(0);
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('APPROVED');
    expect(errors).toEqual([]);
  });

  it('hides the approval from a non-approver and lets the submitter withdraw it', async () => {
    const { approvalId } = await submit(t.deps, c, 'test-any');
    const outsider = await h5.phone(c.outsider.employee.id);
    await outsider.page.goto(`${h5.base}/app/todo/${approvalId}`);
    await outsider.page.getByText('找不到这条审批，或你无权查看').waitFor();

    const { page } = await h5.phone(c.hr.employee.id);
    await page.goto(`${h5.base}/app/todo?box=submitted`);
    await page.locator(`[data-approval="${approvalId}"]`).click();
    await page.getByRole('button', { name: '撤回' }).click();
    await page.locator('.van-dialog__confirm').click();
    await page.getByText('已撤回', { exact: true }).first().waitFor();
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('WITHDRAWN');
  });
});
