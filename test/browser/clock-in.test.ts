// "打卡" in a real (headless) Chromium with a mocked geolocation: inside the fence one tap
// clocks in and the record shows in 我的打卡; outside, the distance is shown and a note is
// required; with the permission refused, the employee is told how to allow it.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEmployee } from '../helpers/factories.ts';
import { startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
let h5: H5Browser;
const centre = { latitude: 31.2304, longitude: 121.4737 };
let employeeId: string;

beforeAll(async () => {
  employeeId = (await makeEmployee(t.deps, { employeeNo: 'C001', name: '陈打卡' })).id;
  await t.db.workSite.create({ data: { name: '上海总部', lat: centre.latitude, lng: centre.longitude, radiusM: 200 } });
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

async function openClockIn(options: BrowserContextOptions): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await h5.phone(employeeId, options);
  await page.goto(`${h5.base}/app/me`);
  await page.getByText('在工作地点范围内一键打卡').click();
  await page.waitForURL(`${h5.base}/app/clock-in`);
  await page.getByText('上海总部（200 米内）').waitFor();
  return { page, errors };
}

describe('H5 "打卡"', () => {
  it('clocks in with one tap inside the fence and shows the record in 我的打卡', async () => {
    const { page, errors } = await openClockIn({ geolocation: { ...centre, accuracy: 10 }, permissions: ['geolocation'] });
    expect(await page.title()).toBe('打卡');
    await page.getByTestId('clock-in').click();
    const done = page.getByTestId('done');
    await done.getByText('打卡成功').waitFor();
    expect(await done.innerText()).toMatch(/上班 · 上海总部 · 距离 0 米/);
    const row = await t.db.attendanceRecord.findFirstOrThrow({ where: { employeeId } });
    expect(row).toMatchObject({ source: 'h5', insideFence: true, flags: [] });

    await page.getByTestId('to-attendance').click();
    await page.waitForURL(`${h5.base}/app/attendance`);
    await page.getByTestId('record').first().waitFor();
    const list = await page.locator('body').innerText();
    expect(list).toContain('上班');
    expect(list).toContain('工作台打卡 · 上海总部');
    expect(list).toContain('正常');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the distance outside the fence, requires a note, then submits a flagged clock-in', async () => {
    await t.db.attendanceRecord.deleteMany();
    const { page, errors } = await openClockIn({ geolocation: { latitude: centre.latitude + 0.01, longitude: centre.longitude, accuracy: 10 }, permissions: ['geolocation'] });
    await page.getByTestId('clock-in').click();
    const outside = page.getByTestId('outside');
    await outside.getByText('您不在打卡范围内（距离 1112 米，允许 200 米）').waitFor();
    expect(await t.db.attendanceRecord.count()).toBe(0);
    await page.getByTestId('submit-outside').click();
    await page.getByTestId('error').getByText('范围外打卡须填写说明').waitFor();
    expect(await t.db.attendanceRecord.count()).toBe(0);
    await page.getByTestId('note').locator('textarea').fill('外出拜访客户');
    await page.getByTestId('submit-outside').click();
    await page.getByTestId('done').getByText('打卡成功').waitFor();
    expect(await page.getByTestId('done').innerText()).toContain('范围外');
    expect(await t.db.attendanceRecord.findFirstOrThrow({ where: { employeeId } })).toMatchObject({ insideFence: false, flags: ['outside_fence'], note: '外出拜访客户', distanceM: 1112 });
    await page.getByTestId('to-attendance').click();
    await page.getByText('范围外').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('tells the employee how to allow location when the permission is refused, and records nothing', async () => {
    await t.db.attendanceRecord.deleteMany();
    const { page, errors } = await openClockIn({ geolocation: centre });
    await page.getByTestId('clock-in').click();
    await page.getByTestId('error').getByText('无法获取位置：请在系统设置中允许企业微信/钉钉使用定位').waitFor();
    expect(await t.db.attendanceRecord.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
