// "核验证据" in a real (headless) Chromium against the real server, without signing in: a genuine
// signed PDF is confirmed with its ledger entry, the same PDF with one byte changed is not.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealTreeHead } from '../../src/services/evidence/seal-tree-head.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { DECLARATION_PDF, seedPackLedger } from '../evidence/pack-fixture.ts';

const t = await createTestDb();
let h5: H5Browser;

beforeAll(async () => {
  await seedPackLedger(t.deps);
  await sealTreeHead(t.deps);
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

async function openVerify(): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await h5.phone();
  await page.goto(`${h5.base}/app/verify`);
  await page.getByText('选择文件').waitFor();
  return { page, errors };
}

describe('H5 "核验证据" (public)', () => {
  it('confirms a genuine PDF without a login, showing the ledger entry', async () => {
    const { page, errors } = await openVerify();
    expect(page.url()).toBe(`${h5.base}/app/verify`);
    expect(await page.title()).toBe('核验证据');
    await page.locator('[data-testid=file-picker] input[type=file]').setInputFiles({ name: '声明.pdf', mimeType: 'application/pdf', buffer: DECLARATION_PDF });
    const verdict = page.getByTestId('verdict');
    await verdict.getByText('真实有效').waitFor();
    expect(await verdict.locator('.van-icon-checked').count()).toBe(1);
    const body = await page.locator('body').innerText();
    expect(body).toContain('#0 签署的声明');
    expect(body).toContain('社保例外');
    expect(body).toContain('2026-12-01 11:04');
    expect(body).toContain('包含在签名树中');
    await page.screenshot({ path: `${resultsDir}/h5-verify-genuine.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('says an altered PDF cannot be verified, and why', async () => {
    const { page, errors } = await openVerify();
    const altered = Buffer.from(DECLARATION_PDF);
    altered[30] = (altered[30] as number) ^ 0x01;
    await page.locator('[data-testid=file-picker] input[type=file]').setInputFiles({ name: '声明.pdf', mimeType: 'application/pdf', buffer: altered });
    await page.getByTestId('verdict').getByText('无法验证').waitFor();
    expect(await page.getByTestId('verdict').locator('.van-icon-clear').count()).toBe(1);
    const body = await page.locator('body').innerText();
    expect(body).toContain('哪怕只改一个字节');
    await page.screenshot({ path: `${resultsDir}/h5-verify-altered.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
