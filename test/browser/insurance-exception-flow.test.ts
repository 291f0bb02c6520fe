// Issue 5's acceptance check, end to end in a real (headless) Chromium against one WeCom deployment
// served on loopback: the retired re-hire asks not to be insured here after reading the 第十九条
// notice, signs the declaration with a drawn signature and uploads a PDF pension certificate; the HR
// specialist submits; the HR manager approves through a signed WeCom card callback; the case's
// evidence pack then verifies with the commands of its own README, and stops verifying when one byte
// of the signed PDF changes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVAL_APPROVE } from '../../cards/action-ids.ts';
import { SESSION_COOKIE } from '../../src/http/authenticate.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { wecomDeployment } from '../e2e/wecom-e2e-kit.ts';
import { makeActor } from '../helpers/factories.ts';
import { closeServer, listenOnLoopback, prepareBrowser, resultsDir as shots, drawSignature } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../outbox/outbox-kit.ts';

const t = await createTestDb();
const { fake, app, startWorkers, click } = await wecomDeployment(t);
let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  browser = await prepareBrowser();
  ({ server, base } = await listenOnLoopback(app));
});

afterAll(async () => {
  await browser?.close();
  closeServer(server);
});

/** A phone in its own browser context, signed in with a WeCom session from the real session service. */
async function phoneOf(employeeId: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { token } = await createSession(t.deps, { employeeId, platform: 'wecom', method: 'test' });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: base, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** A small, valid one-page PDF, as a scanned certificate would arrive. */
async function pensionCertificatePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([420, 297]).drawText('Pension certificate - retired 2024-06', { x: 40, y: 240, size: 14, font });
  return Buffer.from(await doc.save());
}

function unzip(zip: Buffer): string {
  const to = mkdtempSync(join(tmpdir(), 'exception-pack-'));
  writeFileSync(join(to, 'pack.zip'), zip);
  execFileSync('unzip', ['-q', 'pack.zip', '-d', 'pack'], { cwd: to });
  return join(to, 'pack');
}

describe('insurance exception, end to end in Chromium over WeCom', () => {
  it('the employee signs and uploads, HR submits, the manager approves in WeCom, and the pack verifies with openssl', async () => {
    await makeActor(t.deps, ['HR_MANAGER'], { name: '王经理', identities: { wecom: 'hrm-a' } });
    const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事', identities: { wecom: 'hr-s' } });
    const emp = await makeActor(t.deps, ['EMPLOYEE'], { name: '孙退休', identities: { wecom: 'sun' } });
    await startWorkers();

    // 1. The employee reads the 第十九条 notice and asks, as a retired re-hire drawing a pension.
    const employee = await phoneOf(emp.employee.id);
    const ep = employee.page;
    await ep.goto(`${base}/app/exceptions`);
    const notice = ep.locator('[data-test="notice"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('根据法释〔2025〕12号第十九条，员工承诺或与公司约定不缴纳社会保险无效');
    await ep.locator('[data-reason="RETIRED_PENSIONER"]').click();
    expect(await ep.locator('[data-reason="RETIRED_PENSIONER"]').innerText()).toContain('已退休并领取养老金');
    await ep.screenshot({ path: `${shots}/flow-1-request.png`, fullPage: true });
    await ep.getByRole('button', { name: '提交申请' }).click();
    await ep.locator('[data-test="result"]').waitFor();
    const exception = await t.db.insuranceException.findFirstOrThrow({ where: { employeeId: emp.employee.id } });
    expect([exception.kind, exception.status]).toEqual(['RETIRED_REHIRE', 'DRAFT']);
    const id = exception.id;

    // 2. From the request's next steps to the sign page: re-typed name, ticked statement, drawn signature.
    await ep.locator('.next-steps').getByText('签署声明').click();
    await ep.waitForURL(`${base}/app/sign/insurance-exception-declaration/${id}`);
    await ep.getByText('退休返聘人员社会保险情况声明').waitFor();
    expect(await ep.locator('.declaration').innerText()).toContain('孙退休');
    await ep.getByPlaceholder('请输入您的姓名').fill('孙退休');
    await ep.locator('.van-checkbox__icon').click();
    await drawSignature(ep);
    await ep.screenshot({ path: `${shots}/flow-2-sign.png`, fullPage: true });
    await ep.getByRole('button', { name: '确认签署' }).click();
    await ep.getByText('签署完成').waitFor();
    const signature = await t.db.signature.findFirstOrThrow({ where: { subjectId: id } });
    expect([signature.typedName, signature.platform, signature.userAgent]).toEqual(['孙退休', 'wecom', expect.stringContaining('Chrome')]);

    // 3. The pension certificate as a PDF: the success page points to the upload as the next step.
    expect(await ep.getByTestId('next-step').innerText()).toContain('下一步：上传');
    await ep.getByTestId('next-step').click();
    await ep.waitForURL(/\/app\/proofs\/upload\?/);
    await ep.getByText('退休证或养老金领取证明', { exact: true }).click();
    await ep.getByTestId('file-picker').locator('input[type=file]').setInputFiles({ name: '退休证.pdf', mimeType: 'application/pdf', buffer: await pensionCertificatePdf() });
    await ep.getByTestId('chosen-file').waitFor();
    await ep.getByTestId('consent').getByText('单独同意').click();
    await ep.getByRole('button', { name: '上传', exact: true }).click();
    await ep.getByText('上传成功').waitFor();
    await ep.screenshot({ path: `${shots}/flow-3-uploaded.png`, fullPage: true });
    const proof = await t.db.proof.findFirstOrThrow({ where: { employeeId: emp.employee.id } });
    expect([proof.kind, proof.exceptionId, proof.mediaType]).toEqual(['PENSION_CERTIFICATE', id, 'application/pdf']);
    expect(employee.errors).toEqual([]);

    // 4. The HR specialist finds the checklist complete and submits.
    const specialist = await phoneOf(hr.employee.id);
    const hp = specialist.page;
    await hp.goto(`${base}/app/exceptions/${id}`);
    const submit = hp.locator('[data-test="submit"]');
    await submit.waitFor();
    expect(await submit.innerText()).toBe('提交审批');
    expect(await hp.locator('[data-test="status"]').innerText()).toBe('待提交审批');
    expect(await submit.isDisabled()).toBe(false);
    expect(await hp.locator('[data-doc="PENSION_CERTIFICATE"]').innerText()).toContain('退休证或养老金领取证明');
    await hp.screenshot({ path: `${shots}/flow-4-hr-detail.png`, fullPage: true });
    await submit.click();
    await expect.poll(() => hp.locator('[data-test="status"]').innerText(), { timeout: 10_000 }).toBe('审批中');
    expect((await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).status).toBe('SUBMITTED');

    // 5. The approval card reaches the manager in WeCom; a signed click approves it.
    const card = await waitFor('the approval card at WeCom', async () => fake.delivered.find((d) => d.userId === 'hrm-a' && d.msgtype === 'template_card' && JSON.stringify(d.message).includes('社保例外审批')));
    const code = await waitFor('the response code', async () => {
      const c = await t.db.cardInstance.findUnique({ where: { cardKey: card.taskId! } });
      return (c?.responseCodes as Record<string, string> | null)?.['hrm-a'];
    });
    expect((await click({ from: 'hrm-a', taskId: card.taskId!, eventKey: APPROVAL_APPROVE, responseCode: code }).send()).status).toBe(200);
    await waitFor('the exception to be APPROVED', async () => (await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).status === 'APPROVED');
    expect(await t.db.approval.findFirstOrThrow({ where: { subjectId: id } })).toMatchObject({ status: 'APPROVED' });
    const update = await waitFor('the card update at WeCom', async () => fake.cardUpdates.find((u) => u.userIds.includes('hrm-a')));
    expect(JSON.stringify(update.card)).toMatch(/已同意 · 王经理 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await hp.reload();
    await expect.poll(() => hp.locator('[data-test="status"]').innerText()).toBe('已批准');
    expect(await hp.locator('[data-test="approval-decision"]').innerText()).toMatch(/王经理：已同意[\s\S]*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await hp.screenshot({ path: `${shots}/flow-5-approved.png`, fullPage: true });

    // 6. HR downloads the case's evidence pack; its README's sh block verifies it, and fails on one changed byte.
    const res = await hp.request.get(`${base}/api/v1/evidence/packs?subjectType=insurance_exception&subjectId=${id}`);
    expect([res.status(), res.headers()['content-type']]).toEqual([200, 'application/zip']);
    const dir = unzip(await res.body());
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
    expect(commands).toContain('openssl pkeyutl -verify');
    const run = spawnSync('bash', ['-c', commands], { cwd: dir, encoding: 'utf8' });
    expect(run.stdout).toContain('Signature Verified Successfully');
    expect(run.stdout).toContain('RESULT: pack verified');
    expect(run.status).toBe(0);

    const signedPdf = `documents/declaration-${signature.id}.pdf`;
    expect(readdirSync(join(dir, 'documents'))).toContain(`declaration-${signature.id}.pdf`);
    expect(readFileSync(join(dir, signedPdf)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(join(dir, 'signatures'))).toEqual([`${signature.id}.png`]);
    expect(readdirSync(join(dir, 'proofs-files'))).toEqual([`${proof.id}.pdf`]);
    const rows = readdirSync(join(dir, 'rows')).map((f) => JSON.parse(readFileSync(join(dir, 'rows', f), 'utf8')) as Record<string, unknown>);
    expect(rows).toContainEqual(expect.objectContaining({ decision: 'APPROVE', approverName: '王经理', channel: 'wecom' }));
    const timeline = readFileSync(join(dir, 'timeline.csv'), 'utf8');
    const signedLine = timeline.split('\n').find((l) => l.includes('declaration.signed')) ?? '';
    expect(signedLine).toContain('"孙退休","员工","签署声明"');
    expect(signedLine).toMatch(/"(::ffff:)?127\.0\.0\.1"/);
    expect(signedLine).toContain('Chrome');
    expect(timeline).toMatch(/"上传证明材料","proof\.uploaded","(::ffff:)?127\.0\.0\.1","[^"]*Chrome/);

    const path = join(dir, signedPdf);
    const bytes = readFileSync(path);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] as number) ^ 0x01;
    writeFileSync(path, bytes);
    expect(spawnSync('bash', ['-c', commands], { cwd: dir, encoding: 'utf8' }).status).not.toBe(0);
    expect(specialist.errors).toEqual([]);
  });
});
