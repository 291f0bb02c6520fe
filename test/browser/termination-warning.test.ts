// The approver's 待办 in Chromium for a 第三十九条 termination whose employee never signed the
// attendance rule (劳动合同法 第四条): the detail shows the red warning, 同意 without ticking
// 「我已知悉上述风险，仍同意」 is refused and changes nothing, and ticked it approves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn, parseDay } from '../../src/domain/dates.ts';
import { startApproval } from '../../src/services/approvals/start-approval.ts';
import { ABSENCE_TERMINATION } from '../../src/services/exits/request-termination-approval.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
let h5: H5Browser;
let managerId = '';
let approvalId = '';
let processId = '';

beforeAll(async () => {
  const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林人事', identities: { sandbox: 'hr' } });
  managerId = (await makeActor(t.deps, ['HR_MANAGER'], { name: '周经理', identities: { sandbox: 'hrm' } })).employee.id;
  const absent = await makeEmployee(t.deps, { name: '旷工者', status: 'ABSCONDED' });
  // A case through both notices and the union, waiting for approval; absent for the last 20 days
  // (no clock-in), so the recount at the decision still counts it.
  const today = dayIn('Asia/Shanghai', new Date());
  const process = await t.db.exitProcess.create({
    data: { employeeId: absent.id, kind: 'ABSENCE', state: 'TERMINATION_APPROVAL', firstAbsentOn: parseDay(addDays(today, -20)), createdById: hr.employee.id },
  });
  processId = process.id;
  approvalId = (await t.db.$transaction((tx) => startApproval(t.deps, tx, {
    definition: ABSENCE_TERMINATION, subjectType: 'exit_process', subjectId: process.id, subjectEmployeeId: absent.id,
    title: '解除劳动合同审批：旷工者（旷工，第三十九条第（二）项）', summary: [{ label: '员工', value: '旷工者（研发部）' }], submitter: hr.actor,
  }))).approvalId;
  await t.db.exitProcess.update({ where: { id: process.id }, data: { approvalId } });
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('the termination warning on 待办', () => {
  it('needs the warning ticked before 同意 goes through', async () => {
    const { page, errors } = await h5.phone(managerId);
    await page.goto(`${h5.base}/app/todo/${approvalId}`);
    const warning = page.getByTestId('approval-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('未签收');
    expect(await warning.innerText()).toContain('第四条');

    await page.getByRole('button', { name: '同意' }).click();
    const tick = page.getByTestId('confirm-warning');
    await tick.waitFor();
    await page.locator('.van-dialog__confirm').click();
    await page.getByText('请先勾选「我已知悉上述风险，仍同意」').waitFor();
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('PENDING');

    await tick.click();
    await page.screenshot({ path: `${resultsDir}/h5-termination-warning.png`, fullPage: true });
    await page.locator('.van-dialog__confirm').click();
    await page.getByText(/已同意 · 周经理 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/).waitFor();
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('APPROVED');
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id: processId } })).state).toBe('TERMINATION_NOTICE_SENT');
    expect(errors).toEqual([]);
  });
});
