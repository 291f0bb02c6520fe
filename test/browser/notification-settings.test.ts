// 通知设置 in a real Chromium: reached from HR's 工作台; an HR manager ticks HR managers for
// 审批超时, turns quiet hours on and saves, which the API then reports; a specialist reads only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_PREFERENCES_KEY, parseNotificationPreferences } from '../../src/domain/notifications/notification-preferences.ts';
import { makeActor } from '../helpers/factories.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-12-24T02:00:00Z') });
let h5: H5Browser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const enrolled = { enrolledOn: '2026-01-12', department: '人力资源部' };
  ids.specialist = (await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林晓雯', identities: { sandbox: 'hr' }, ...enrolled })).employee.id;
  ids.manager = (await makeActor(t.deps, ['HR_MANAGER'], { name: '周建国', identities: { sandbox: 'hrm' }, ...enrolled })).employee.id;
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('通知设置', () => {
  it('lets an HR manager choose recipients and quiet hours from the 工作台, and says legal deadlines are always sent', async () => {
    const { page, errors } = await h5.phone(ids.manager);
    await page.goto(`${h5.base}/app/workbench`);
    await page.getByTestId('entries').getByText('通知设置', { exact: true }).click();
    await page.waitForURL(`${h5.base}/app/settings/notifications`);
    const approval = page.getByTestId('kind-approvalSla');
    await approval.waitFor();
    expect(await page.getByTestId('kind-enrolment').getByTestId('legal-deadline').innerText()).toContain('《社会保险法》第五十八条');
    expect(await approval.getByTestId('legal-deadline').count()).toBe(0);
    await approval.getByText('人事经理', { exact: true }).click();
    await page.getByTestId('quiet-switch').click();
    await page.getByTestId('save').click();
    await page.getByText('已保存').waitFor();
    await page.screenshot({ path: `${resultsDir}/h5-notification-settings.png`, fullPage: true });
    const stored = parseNotificationPreferences((await t.db.appMeta.findUniqueOrThrow({ where: { key: NOTIFICATION_PREFERENCES_KEY } })).value).rules;
    expect(stored.kinds.approvalSla).toEqual({ hrSpecialists: false, hrManagers: true, employeeManager: false, groupChatId: null });
    expect(stored.kinds.enrolment.hrSpecialists).toBe(true);
    expect(stored.quietHours).toEqual({ enabled: true, start: '22:00', end: '08:00' });
    expect(errors).toEqual([]);
  });

  it('shows a specialist the settings without a save button', async () => {
    const { page, errors } = await h5.phone(ids.specialist);
    await page.goto(`${h5.base}/app/settings/notifications`);
    await page.getByTestId('kind-enrolment').waitFor();
    expect(await page.getByTestId('save').count()).toBe(0);
    expect(await page.getByText('只有人事经理可以修改通知设置').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
