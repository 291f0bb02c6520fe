// Issue 13 §6: the H5 and the sandbox chat run under their Content-Security-Policy. A real flow —
// dev login picked on the page, the declaration signed with a drawn signature (a cookie-session
// write carrying the CSRF token), a PNG proof uploaded, the sandbox chat typed into — reports no
// policy violation, neither as a securitypolicyviolation event nor on the console.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxPageRouter } from '../../src/http/sandbox-page.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { drawSignature, repoRoot, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { signedPng } from '../helpers/make-png.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
let h5: H5Browser;
let employeeId: string;
let exceptionId: string;

beforeAll(async () => {
  employeeId = (await makeEmployee(t.deps, { employeeNo: 'C001', name: '吴策略', identities: { sandbox: 'csp-user' } })).id;
  exceptionId = (await t.db.insuranceException.create({ data: { employeeId, kind: 'RETIRED_REHIRE', reasonCategory: 'RETIRED_PENSIONER', status: 'DRAFT' } })).id;
  h5 = await startH5Browser(t, { extra: { routers: [sandboxPageRouter(`${repoRoot}/dist/h5`)] } });
});

afterAll(() => h5?.close());

/** Records every CSP violation the page reports, by event and on the console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

describe('the H5 under its Content-Security-Policy', () => {
  it('signs in, signs a declaration and uploads a proof with no violation', async () => {
    const { page, errors } = await h5.phone();
    const violations = await watchViolations(page);
    const first = await page.goto(`${h5.base}/app/me`);
    expect(first?.headers()['content-security-policy']).toContain("frame-ancestors 'self' https://work.weixin.qq.com https://*.work.weixin.qq.com https://*.dingtalk.com");
    await page.getByPlaceholder('搜索姓名、工号、部门或角色').fill('吴策略');
    await page.getByText('吴策略', { exact: true }).click();
    await page.waitForURL(`${h5.base}/app/me`);
    await page.getByText('社保增员日期').waitFor();

    await page.goto(`${h5.base}/app/sign/insurance-exception-declaration/${exceptionId}`);
    await page.getByRole('button', { name: '确认签署' }).click();
    await page.getByPlaceholder('请输入您的姓名').fill('吴策略');
    await page.locator('.van-checkbox__icon').click();
    await drawSignature(page);
    await page.getByRole('button', { name: '确认签署' }).click();
    await page.getByText('签署完成').waitFor();
    expect(await t.db.signature.count({ where: { employeeId } })).toBe(1);

    await page.goto(`${h5.base}/app/proofs/upload?exceptionId=${exceptionId}&kind=PENSION_CERTIFICATE`);
    await page.getByTestId('file-picker').locator('input[type=file]').setInputFiles({ name: '退休证.png', mimeType: 'image/png', buffer: signedPng() });
    await page.getByTestId('chosen-file').waitFor();
    await page.getByTestId('consent').getByText('单独同意').click();
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.getByText('上传成功').waitFor();
    expect(await t.db.proof.count({ where: { employeeId } })).toBe(1);

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('opens the sandbox chat with no violation and the icon font loaded', async () => {
    const { page, errors } = await h5.phone();
    const violations = await watchViolations(page);
    const res = await page.goto(`${h5.base}/sandbox`);
    expect(res?.headers()).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', 'content-security-policy': expect.stringContaining("script-src 'self'") });
    await page.locator('.van-cell', { hasText: '吴策略' }).click();
    await page.getByPlaceholder('发消息给社保哨兵…').waitFor();
    // The icon font (a data: URL in Vant's CSS) is in use, not blocked.
    expect(await page.evaluate(async () => [...(await document.fonts.ready)].map((f) => `${f.family} ${f.status}`))).toContain('vant-icon loaded');
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
