// The demo company as each role meets it in Chromium: from the role's home, every page it can
// reach by tapping (links, cells, grid entries, tabs) is opened, and its visible text holds no
// UUID and no English word; HR's 工作台 shows today's date as Shanghai counts it. A screenshot of
// each role's home goes to test-results/. Discovery taps are cancelled by a router guard, so a
// tap that would navigate is recorded without leaving the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { dayIn } from '../../src/domain/dates.ts';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy/privacy-notice.ts';
import { seedDemoCompany } from '../../src/services/demo/seed-demo-company.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';
import type { Page } from 'playwright-core';

const t = await createTestDb();
let h5: H5Browser;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
// File formats a person picks by name: the import asks for Excel or CSV (saved as 「CSV UTF-8」).
const ALLOWED_WORDS = new Set(['PDF', 'Excel', 'CSV', 'UTF']);
const MAX_PAGES = 40;

beforeAll(async () => {
  await seedDemoCompany(t.deps, { actor: systemActor('test', '测试') });
  h5 = await startH5Browser(t);
}, 120_000);
afterAll(() => h5?.close());

/** One person of the demo per role: a plain employee has no reports and no other role. */
async function demoPerson(role: 'HR_SPECIALIST' | 'HR_MANAGER' | 'MANAGER' | 'EMPLOYEE'): Promise<string> {
  const base = { status: 'ACTIVE' as const, identities: { some: { platform: 'sandbox' as const } } };
  const where = role === 'MANAGER'
    ? { ...base, reports: { some: {} }, roles: { none: { role: { in: ['HR_SPECIALIST' as const, 'HR_MANAGER' as const, 'ADMIN' as const] } } } }
    : role === 'EMPLOYEE'
      ? { ...base, reports: { none: {} }, roles: { every: { role: 'EMPLOYEE' as const } } }
      : { ...base, roles: { some: { role } } };
  return (await t.db.employee.findFirstOrThrow({ where, orderBy: { employeeNo: 'asc' }, select: { id: true } })).id;
}

/** The page's text once its data has loaded. */
async function settledText(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle');
  await page.locator('.van-loading:visible').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  return page.evaluate(() => document.body.innerText);
}

/** Where each tappable element would take the router, without going there. */
async function tapTargets(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const app = (document.querySelector('#app') as unknown as { __vue_app__?: { config: { globalProperties: { $router: { beforeEach(g: (to: { fullPath: string }) => boolean): () => void } } } } }).__vue_app__;
    if (!app) return [];
    const seen = new Set<string>();
    const stop = app.config.globalProperties.$router.beforeEach((to) => {
      seen.add(to.fullPath);
      return false;
    });
    const hrefs = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '').filter((h) => h.startsWith('/app/'));
    for (const el of document.querySelectorAll<HTMLElement>('a[href^="/app/"], .van-cell--clickable, .van-grid-item__content, .van-tabbar-item')) {
      // The app's own guard awaits the session first: wait for this tap's route before the next,
      // or the next tap would supersede it.
      const before = seen.size;
      el.click();
      for (let waited = 0; seen.size === before && waited < 1000; waited += 25) await new Promise((ok) => setTimeout(ok, 25));
    }
    stop();
    return [...hrefs.map((h) => h.replace(/^\/app/, '')), ...seen];
  });
}

const pattern = (path: string) => path.split('?')[0]?.replace(UUID, ':id') ?? path;

function unreadable(text: string): string[] {
  const words = (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !ALLOWED_WORDS.has(w));
  return [...(text.match(UUID) ?? []), ...words];
}

async function crawl(role: string, employeeId: string): Promise<{ visited: string[]; problems: string[]; homeText: string }> {
  const { page, errors } = await h5.phone(employeeId);
  const problems: string[] = [];
  // A first visit opens the privacy notice (个人信息保护法 第十七条); read it, then acknowledge.
  await page.goto(`${h5.base}/app`);
  problems.push(...unreadable(await settledText(page)).map((w) => `${new URL(page.url()).pathname}: ${w}`));
  await t.db.privacyAcknowledgement.create({ data: { employeeId, version: PRIVACY_NOTICE_VERSION, acknowledgedAt: new Date() } });
  await page.goto(`${h5.base}/app`);
  const homeText = await settledText(page);
  await page.screenshot({ path: `${resultsDir}/readable-home-${role}.png`, fullPage: true });
  const queue = [new URL(page.url()).pathname.replace(/^\/app/, '')];
  const seen = new Set(queue.map(pattern));
  const visited: string[] = [];
  while (queue.length > 0 && visited.length < MAX_PAGES) {
    const path = queue.shift() as string;
    await page.goto(`${h5.base}/app${path}`);
    const text = await settledText(page);
    visited.push(pattern(path));
    problems.push(...unreadable(text).map((w) => `${pattern(path)}: ${w}`));
    for (const next of await tapTargets(page)) {
      if (seen.has(pattern(next))) continue;
      seen.add(pattern(next));
      queue.push(next);
    }
  }
  problems.push(...errors.map((e) => `script error: ${e}`));
  await page.close();
  return { visited, problems, homeText };
}

describe('every page a role reaches from its home', { timeout: 600_000 }, () => {
  it.each(['HR_SPECIALIST', 'HR_MANAGER', 'MANAGER', 'EMPLOYEE'] as const)('reads as plain Chinese for %s', async (role) => {
    const { visited, problems, homeText } = await crawl(role, await demoPerson(role));
    expect(visited.length).toBeGreaterThan(role === 'EMPLOYEE' ? 3 : 4);
    expect(problems, `pages visited: ${visited.join(' ')}`).toEqual([]);
    if (role.startsWith('HR_')) expect(homeText).toContain(`今天 ${dayIn('Asia/Shanghai', new Date())}`);
  });
});
