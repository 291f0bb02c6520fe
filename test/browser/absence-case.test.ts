// The absence card's 详情 in Chromium: the line manager sees the employee, the absent days and
// the answer so far, writes a note and answers 已联系上; a colleague outside the case gets a
// Chinese 404 with 返回 (not 重试), and an unknown /app address shows 页面不存在.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../src/domain/dates.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
let h5: H5Browser;
let caseId = '';
let managerId = '';
let outsiderId = '';
const today = dayIn('Asia/Shanghai', new Date());
const days = [addDays(today, -3), addDays(today, -2), addDays(today, -1)];

beforeAll(async () => {
  const manager = await makeActor(t.deps, ['EMPLOYEE'], { name: '周经理' });
  managerId = manager.employee.id;
  outsiderId = (await makeActor(t.deps, ['EMPLOYEE'], { name: '旁观者' })).employee.id;
  const absent = await makeEmployee(t.deps, { name: '吴缺勤', managerEmployeeNo: manager.employee.employeeNo });
  caseId = (await t.db.absenceCase.create({ data: { uniqueKey: `${absent.id}:page`, employeeId: absent.id, trigger: 'attendance', firstAbsentDay: new Date(`${days[0]}T00:00:00Z`), lastCheckedDay: new Date(`${days[2]}T00:00:00Z`), absentDays: 3, days, managerDueAt: new Date(Date.now() + 86_400_000) } })).id;
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('H5 缺勤确认 page', () => {
  it('shows the manager the employee and the absent days and records the answer with a note', async () => {
    const { page, errors } = await h5.phone(managerId);
    await page.goto(`${h5.base}/app/absence/${caseId}`);
    await page.getByTestId('absence-employee').getByText('吴缺勤').waitFor();
    expect(await page.title()).toBe('缺勤确认');
    expect(await page.getByTestId('absent-day').allInnerTexts()).toEqual(days);
    await page.getByTestId('absence-note').locator('textarea').fill('电话联系上，明日返岗');
    await page.getByRole('button', { name: '已联系上' }).click();
    await page.getByTestId('absence-answer').getByText('已联系上 · 周经理').waitFor();
    await page.screenshot({ path: `${resultsDir}/h5-absence-case.png`, fullPage: true });
    const row = await t.db.absenceCase.findUniqueOrThrow({ where: { id: caseId } });
    expect([row.state, row.note]).toEqual(['CONTACTED', '电话联系上，明日返岗']);
    expect(errors).toEqual([]);
  });

  it('answers someone outside the case with a Chinese message and 返回 instead of 重试', async () => {
    const { page } = await h5.phone(outsiderId);
    await page.goto(`${h5.base}/app/absence/${caseId}`);
    await page.getByText('找不到这条缺勤确认', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '返回' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
  });

  it('shows 页面不存在 with a way back for an unknown /app address', async () => {
    const { page } = await h5.phone(managerId);
    const res = await page.goto(`${h5.base}/app/no-such-page`);
    expect(res?.status()).toBe(404);
    await page.getByText('页面不存在', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: '返回' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Not Found');
  });
});
