// Each role's home in a real Chromium: HR's 工作台 (counts, 待增员 → 已增员 with a picked date,
// employee search → status page), a manager's 我的团队, an employee's 我的 with 待办 on top, and
// the dev login grouped by role with a search box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDay } from '../../src/domain/dates.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const NOW = new Date('2026-12-24T02:00:00Z'); // 10:00 in Shanghai, a Thursday
const t = await createTestDb({ now: () => NOW });
let h5: H5Browser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const enrolled = { enrolledOn: '2026-01-12' };
  ids.hr = (await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林晓雯', department: '人力资源部', identities: { sandbox: 'hr' }, ...enrolled })).employee.id;
  await makeActor(t.deps, ['HR_MANAGER'], { name: '周建国', department: '人力资源部', identities: { sandbox: 'hrm' }, ...enrolled });
  const boss = await makeActor(t.deps, ['EMPLOYEE'], { name: '王主管', department: '销售部', identities: { sandbox: 'boss' }, ...enrolled });
  ids.boss = boss.employee.id;
  const report = { managerEmployeeNo: boss.employee.employeeNo, department: '销售部', ...enrolled };
  ids.present = (await makeEmployee(t.deps, { name: '钱到岗', position: '销售代表', identities: { sandbox: 'present' }, ...report })).id;
  ids.absent = (await makeEmployee(t.deps, { name: '孙缺勤', position: '客户经理', ...report })).id;
  ids.overdue = (await makeEmployee(t.deps, { name: '赵逾期', startDate: '2026-11-10', department: '销售部' })).id;
  ids.near = (await makeEmployee(t.deps, { name: '李将到', startDate: '2026-12-01' })).id;
  ids.fresh = (await makeEmployee(t.deps, { name: '吴新人', startDate: '2026-12-20' })).id;
  // Two steps of history, the second at 2026-12-19 22:30 UTC: Shanghai's 2026-12-20 06:30.
  await t.db.statusChange.createMany({
    data: [
      { employeeId: ids.fresh, fromStatus: null, toStatus: 'ONBOARDING', reason: '已发录用通知', actorId: ids.hr, actorName: '林晓雯', at: new Date('2026-12-10T02:00:00Z') },
      { employeeId: ids.fresh, fromStatus: 'ONBOARDING', toStatus: 'ACTIVE', reason: '到岗确认（卡片）', actorId: ids.hr, actorName: '林晓雯', at: new Date('2026-12-19T22:30:00Z') },
    ],
  });
  await t.db.attendanceRecord.create({
    data: { employeeId: ids.present, day: new Date('2026-12-24'), at: new Date('2026-12-24T00:52:00Z'), source: 'h5', sourceId: 'present-1', kind: '上班', flags: [] },
  });
  await t.db.absenceCase.create({
    data: {
      uniqueKey: `att:${ids.absent}:2026-12-21`, employeeId: ids.absent, trigger: 'attendance', firstAbsentDay: new Date('2026-12-21'), lastCheckedDay: new Date('2026-12-23'),
      absentDays: 3, days: ['2026-12-21', '2026-12-22', '2026-12-23'], managerDueAt: new Date('2026-12-25T02:00:00Z'),
    },
  });
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('HR 工作台', () => {
  it('opens from /app with the counts, and records 已增员 from the 待增员 list on the picked day', async () => {
    const { page, errors } = await h5.phone(ids.hr);
    await page.goto(`${h5.base}/app`);
    await page.waitForURL(`${h5.base}/app/workbench`);
    const overview = page.getByTestId('overview');
    await overview.waitFor();
    expect(await page.title()).toBe('工作台');
    expect(await overview.locator('.van-cell', { hasText: '逾期未增员' }).locator('.van-cell__value').innerText()).toBe('1 人');
    expect(await overview.locator('.van-cell', { hasText: /^待增员/ }).locator('.van-cell__value').innerText()).toBe('3 人');
    expect(await overview.locator('.van-cell', { hasText: '考勤异常待处理' }).locator('.van-cell__value').innerText()).toBe('1 件');
    expect(await page.getByTestId('entries').locator('.van-grid-item', { hasText: '待增员' }).locator('.van-badge').innerText()).toBe('3');
    await page.screenshot({ path: `${resultsDir}/h5-workbench.png`, fullPage: true });

    await page.getByTestId('entries').getByText('待增员', { exact: true }).click();
    await page.waitForURL(`${h5.base}/app/enrolment/pending`);
    const rows = page.getByTestId('pending-list').locator('.van-cell');
    await rows.first().waitFor();
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringMatching(/赵逾期[\s\S]*法定截止 2026-12-10[\s\S]*已逾期 14 天/),
      expect.stringMatching(/李将到[\s\S]*法定截止 2026-12-31[\s\S]*剩 7 天/),
      expect.stringMatching(/吴新人[\s\S]*法定截止 2027-01-19[\s\S]*剩 26 天/),
    ]);
    await page.screenshot({ path: `${resultsDir}/h5-pending-enrolments.png`, fullPage: true });

    await rows.first().getByRole('button', { name: '已增员' }).click();
    const picker = page.locator('.van-picker');
    await picker.waitFor();
    await picker.locator('.van-picker-column').nth(2).getByText('22', { exact: true }).click();
    await expect.poll(() => picker.locator('.van-picker-column').nth(2).locator('.van-picker-column__item--selected').innerText()).toBe('22');
    await picker.getByRole('button', { name: '确认' }).click();
    await page.getByText('已登记 赵逾期 增员（2026-12-22）').waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    const stored = await t.db.enrolment.findMany({ where: { employeeId: ids.overdue, status: 'ENROLLED' } });
    expect(stored.map((e) => formatDay(e.enrolledOn))).toEqual(Array(5).fill('2026-12-22'));
    expect(errors).toEqual([]);
  });

  it('finds an employee by 工号 or name and opens their status page with history and the enrolment link', async () => {
    const { page, errors } = await h5.phone(ids.hr);
    await page.goto(`${h5.base}/app/workbench`);
    await page.getByTestId('entries').getByText('员工', { exact: true }).click();
    await page.waitForURL(`${h5.base}/app/employees`);
    await page.getByPlaceholder('输入姓名或工号').fill('吴新');
    await page.getByPlaceholder('输入姓名或工号').press('Enter');
    const results = page.getByTestId('employee-results').locator('.van-cell');
    await expect.poll(() => results.count()).toBe(1);
    expect(await results.first().innerText()).toMatch(/吴新人[\s\S]*入职 2026-12-20[\s\S]*未增员/);
    await results.first().click();
    await page.waitForURL(`${h5.base}/app/employees/${ids.fresh}`);
    await page.getByTestId('history').getByText('入职中 → 在职：到岗确认（卡片）').waitFor();
    expect(await page.getByTestId('history').innerText()).toMatch(/— → 入职中：已发录用通知[\s\S]*2026-12-10 10:00[\s\S]*林晓雯 · 2026-12-20 06:30/);
    expect(await page.getByTestId('facts').innerText()).toMatch(/入职日期\s*2026-12-20[\s\S]*社保增员日期\s*未增员/);
    await page.screenshot({ path: `${resultsDir}/h5-employee-status.png`, fullPage: true });
    await page.getByText('社保增员', { exact: true }).click();
    await page.waitForURL(`${h5.base}/app/enrolment?employee=${ids.fresh}`);
    await page.getByTestId('deadline').waitFor();
    expect(await page.getByTestId('deadline').innerText()).toContain('2027-01-19');
    expect(errors).toEqual([]);
  });
});

describe('other homes', () => {
  it('opens a manager on 我的团队: 待我处理, the team\'s absence case and who clocked in today', async () => {
    const { page, errors } = await h5.phone(ids.boss);
    await page.goto(`${h5.base}/app`);
    await page.waitForURL(`${h5.base}/app/team`);
    await page.getByTestId('team-attendance').getByText('钱到岗').waitFor();
    expect(await page.getByTestId('todo-entry').innerText()).toContain('暂无');
    expect(await page.getByTestId('team-absences').innerText()).toMatch(/孙缺勤[\s\S]*连续未打卡 3 个工作日/);
    const attendance = page.getByTestId('team-attendance');
    expect(await attendance.locator('.van-cell', { hasText: '钱到岗' }).innerText()).toContain('08:52 已打卡');
    expect(await attendance.locator('.van-cell', { hasText: '孙缺勤' }).innerText()).toContain('今日未打卡');
    await page.screenshot({ path: `${resultsDir}/h5-team.png`, fullPage: true });
    await page.getByTestId('todo-entry').click();
    await page.waitForURL(`${h5.base}/app/todo`);
    expect(errors).toEqual([]);
  });

  it('opens an employee on 我的 with 待办 first', async () => {
    const { page, errors } = await h5.phone(ids.present);
    await page.goto(`${h5.base}/app`);
    await page.waitForURL(`${h5.base}/app/me`);
    const top = page.getByTestId('me-top');
    await top.waitFor();
    expect(await top.locator('.van-cell').allInnerTexts()).toEqual([expect.stringContaining('待办')]);
    expect(await page.locator('.van-cell-group').first().innerText()).toContain('待办');
    expect(errors).toEqual([]);
  });

  it('groups the dev login by role and narrows the list with the search box', async () => {
    const { page, errors } = await h5.phone();
    await page.goto(`${h5.base}/app/login`);
    const groups = page.locator('[data-group]');
    await groups.first().waitFor();
    expect(await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-group')))).toEqual(['人事经理', '人事专员', '直属上级', '员工']);
    expect(await page.locator('[data-group="直属上级"] .van-cell').allInnerTexts()).toEqual([expect.stringContaining('王主管')]);
    await page.getByPlaceholder('搜索姓名、工号、部门或角色').fill('钱到');
    await expect.poll(() => page.locator('.van-cell.van-cell--clickable').count()).toBe(1);
    expect(await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-group')))).toEqual(['员工']);
    await page.screenshot({ path: `${resultsDir}/h5-login-grouped.png` });
    expect(errors).toEqual([]);
  });

  it('links 规章制度 from HR\'s 工作台, and shows an employee the rule in force to sign under 待办 on 我的', async () => {
    const rule = await t.db.companyRule.create({
      data: {
        kind: 'attendance', version: 1, title: '《员工考勤管理制度》', article: '连续旷工三个工作日及以上的，视为严重违纪', documentSha256: 'a'.repeat(64), documentName: 'a.pdf',
        adoptedOn: new Date('2026-03-01'), adoptionMethod: 'ALL_STAFF', minutesSha256: 'b'.repeat(64), minutesName: 'b.pdf', uploadedById: ids.hr as string, uploadedByName: '林晓雯', evidenceIndex: 0,
      },
    });
    const hr = await h5.phone(ids.hr);
    await hr.page.goto(`${h5.base}/app/workbench`);
    await hr.page.getByTestId('entries').getByText('规章制度', { exact: true }).click();
    await hr.page.waitForURL(`${h5.base}/app/rules`);
    expect(hr.errors).toEqual([]);

    const { page, errors } = await h5.phone(ids.present);
    await page.goto(`${h5.base}/app/me`);
    const cell = page.getByTestId('me-top').getByTestId('me-rule');
    await cell.waitFor();
    expect(await cell.innerText()).toContain('规章制度：《员工考勤管理制度》');
    expect(await cell.innerText()).toContain('待签收');
    await cell.click();
    await page.waitForURL(`${h5.base}/app/rules/${rule.id}`);
    expect(errors).toEqual([]);
  });
});
