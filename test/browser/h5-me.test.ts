// The built H5 in a real (headless) Chromium against the real server: dev login, then "我的".
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor, makeEmployee, validIdNumber } from '../helpers/factories.ts';
import { closeServer, listenOnLoopback, phonePage, prepareBrowser, resultsDir } from '../helpers/h5-browser.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const idNumber = validIdNumber(4242);
let browser: Browser;
let engineerId: string;
let newcomerId: string;
const servers: Server[] = [];

async function serve(envOverrides: Record<string, string> = {}): Promise<string> {
  const { server, base } = await listenOnLoopback(createTestApp(t, envOverrides).app);
  servers.push(server);
  return base;
}

/** A phone-sized page that fails the test on any uncaught script error. */
const phone = () => phonePage(browser, { deviceScaleFactor: 2 });

const loginAskingFor = (path: string) => (url: URL) => url.pathname === '/app/login' && url.searchParams.get('redirect') === path;

beforeAll(async () => {
  const boss = await makeActor(t.deps, ['HR_MANAGER'], { name: '周建国', department: '人力资源部', identities: { sandbox: 'hr-manager' } });
  await makeActor(t.deps, ['HR_SPECIALIST'], {
    name: '林晓雯', department: '人力资源部', position: '社保专员', managerEmployeeNo: boss.employee.employeeNo,
    idNumber, startDate: '2026-01-05', enrolledOn: '2026-01-12', insuredCity: '上海', contractEntity: '上海哨兵科技有限公司',
    identities: { sandbox: 'hr-specialist' },
  });
  engineerId = (await makeEmployee(t.deps, { name: '陈一鸣', department: '研发部', identities: { sandbox: 'engineer' } })).id;
  newcomerId = (await makeEmployee(t.deps, { name: '吴新来', department: '研发部' }, { privacyAcknowledged: false })).id;
  browser = await prepareBrowser();
});

afterAll(async () => {
  await browser?.close();
  servers.forEach(closeServer);
});

describe('H5 "我的"', () => {
  it('sends a visitor to the dev login and shows the chosen person their masked record and role', async () => {
    const base = await serve();
    const { page, errors } = await phone();
    await page.goto(`${base}/app/me`);
    await page.waitForURL(loginAskingFor('/me'));
    await expect.poll(() => page.locator('.van-cell', { hasText: '周建国' }).innerText()).toContain('人事经理');
    await page.screenshot({ path: `${resultsDir}/h5-login.png` });

    await page.getByPlaceholder('搜索姓名、工号、部门或角色').fill('人事专员');
    await expect.poll(() => page.locator('.van-cell.van-cell--clickable').count()).toBe(1);
    await page.getByText('林晓雯', { exact: true }).click();
    await page.waitForURL(`${base}/app/me`);
    await page.getByText('社保增员日期').waitFor();

    const cell = (title: string) => page.locator('.van-cell', { hasText: title }).locator('.van-cell__value').innerText();
    expect(await page.title()).toBe('我的');
    expect(await page.locator('.profile-header').innerText()).toMatch(/林晓雯[\s\S]*在职[\s\S]*人力资源部 · 社保专员[\s\S]*人事专员/);
    expect(await cell('身份证号')).toBe(`**************${idNumber.slice(-4)}`);
    expect(await page.content()).not.toContain(idNumber);
    expect(await cell('部门')).toBe('人力资源部');
    expect(await cell('直属上级')).toMatch(/^周建国（/);
    expect(await cell('社保增员日期')).toBe('2026-01-12');
    // A woman's ID number without a 退休类别: no age is guessed.
    expect(await cell('退休类别')).toBe('未填写');
    expect(await cell('法定退休年龄')).toBe('无法计算');
    await page.locator('.van-toast').waitFor({ state: 'hidden' }); // the "登录中…" toast fades out
    await page.screenshot({ path: `${resultsDir}/h5-me.png`, fullPage: true });

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '确认' }).click();
    await page.waitForURL(`${base}/app/login`);
    await page.goto(`${base}/app/me`);
    await page.waitForURL(loginAskingFor('/me'));
    expect(errors).toEqual([]);
  });

  it('shows the server message with a retry button when the record fails to load, and retries', async () => {
    const base = await serve();
    const { page, errors } = await phone();
    expect((await page.request.post(`${base}/api/v1/h5/dev-login`, { data: { employeeId: engineerId } })).status()).toBe(200);
    let failures = 2; // the router guard's request and the page's own
    await page.route('**/api/v1/h5/me', (route) =>
      failures-- > 0
        ? route.fulfill({ status: 503, json: { error: { code: 'unavailable', message: '数据库暂时不可用，请稍后重试' } } })
        : route.continue(),
    );
    await page.goto(`${base}/app/me`);
    await page.getByText('数据库暂时不可用，请稍后重试').waitFor();
    await page.screenshot({ path: `${resultsDir}/h5-me-error.png` });
    await page.getByRole('button', { name: '重试' }).click();
    await page.getByText('陈一鸣', { exact: true }).waitFor();
    expect(await page.locator('.van-cell', { hasText: '社保增员日期' }).locator('.van-cell__value').innerText()).toBe('未记录');
    expect(errors).toEqual([]);
  });

  it('tells people to use the workbench once a chat platform is configured', async () => {
    const base = await serve({ DINGTALK_CLIENT_ID: 'ding-test', DINGTALK_CLIENT_SECRET: 'secret-test' });
    const { page, errors } = await phone();
    await page.goto(`${base}/app/me`);
    await page.waitForURL(loginAskingFor('/me'));
    await page.getByText('请从企业微信或钉钉工作台打开本应用').waitFor();
    expect(await page.locator('.van-cell').count()).toBe(0);
    await page.screenshot({ path: `${resultsDir}/h5-login-platform.png` });
    expect(errors).toEqual([]);
  });

  it('shows the privacy notice on first use until it is acknowledged, records it, then never again; 我的 links to it', async () => {
    const base = await serve();
    const { page, errors } = await phone();
    expect((await page.request.post(`${base}/api/v1/h5/dev-login`, { data: { employeeId: newcomerId } })).status()).toBe(200);
    await page.goto(`${base}/app/me`);
    await page.waitForURL((url) => url.pathname === '/app/privacy' && url.searchParams.get('redirect') === '/me');
    for (const heading of ['处理哪些信息', '为什么处理', '保存多久', '谁能看到']) await page.getByText(heading, { exact: true }).waitFor();
    expect(await page.content()).toContain('打卡后 90 天');
    // Another page asked for directly still waits behind the notice.
    await page.goto(`${base}/app/statement`);
    await page.waitForURL((url) => url.pathname === '/app/privacy' && url.searchParams.get('redirect') === '/statement');
    await page.screenshot({ path: `${resultsDir}/h5-privacy.png`, fullPage: true });
    await page.getByRole('button', { name: '我已阅读并知悉' }).click();
    await page.waitForURL(`${base}/app/statement`);
    const acks = await t.db.auditEvent.findMany({ where: { type: 'privacy.notice_acknowledged', subjectId: newcomerId } });
    expect(acks.map((a) => a.data)).toEqual([{ version: 1 }]);

    // Not again: a fresh page load and a new sign-in both go straight to 我的.
    await page.goto(`${base}/app/me`);
    await page.getByText('吴新来', { exact: true }).waitFor();
    const again = await phone();
    expect((await again.page.request.post(`${base}/api/v1/h5/dev-login`, { data: { employeeId: newcomerId } })).status()).toBe(200);
    await again.page.goto(`${base}/app/me`);
    await again.page.getByText('吴新来', { exact: true }).waitFor();
    expect(new URL(again.page.url()).pathname).toBe('/app/me');
    await again.page.getByText('个人信息处理告知', { exact: true }).click();
    await again.page.waitForURL(`${base}/app/privacy`);
    await again.page.getByTestId('acknowledged').waitFor();
    expect(await again.page.getByRole('button', { name: '我已阅读并知悉' }).count()).toBe(0);
    expect(await t.db.privacyAcknowledgement.count({ where: { employeeId: newcomerId } })).toBe(1);
    expect([...errors, ...again.errors]).toEqual([]);
  });
});
