// Mobile signing and proof upload in a real (headless) Chromium against the real server: the
// employee reads the declaration, types their name, ticks, draws a signature and gets the PDF;
// then uploads a PDF proof, and an .exe renamed .pdf is refused with the Chinese message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { exeBytes, pdfBytes } from '../helpers/make-png.ts';
import { resultsDir, startH5Browser, type H5Browser, drawSignature } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
let h5: H5Browser;
let employeeId: string;
let exceptionId: string;

beforeAll(async () => {
  employeeId = (await makeEmployee(t.deps, { employeeNo: 'S001', name: '陈签名' })).id;
  exceptionId = (await t.db.insuranceException.create({ data: { employeeId, kind: 'RETIRED_REHIRE', reasonCategory: 'RETIRED_PENSIONER', status: 'DRAFT' } })).id;
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('H5 signing and proof upload', () => {
  it('signs the declaration with a drawn signature and opens the signed PDF', async () => {
    const { page, errors } = await h5.phone(employeeId, { deviceScaleFactor: 2 });
    await page.goto(`${h5.base}/app/sign/insurance-exception-declaration/${exceptionId}`);
    await page.getByText('退休返聘人员社会保险情况声明').waitFor();
    // Version 2: the law in force for a pensioner; work injury as the city allows, else employer's liability insurance.
    const declaration = await page.locator('.declaration').innerText();
    expect(declaration).toContain('《劳动合同法》第四十四条第（二）项');
    expect(declaration).toContain('参保地不予办理的，公司为本人投保雇主责任险');
    expect(declaration).not.toContain('第三十二条');

    await page.getByRole('button', { name: '确认签署' }).click();
    await page.getByText('请输入您的姓名', { exact: true }).waitFor();
    await page.getByPlaceholder('请输入您的姓名').fill('陈签民');
    await page.locator('.van-checkbox__icon').click();
    await drawSignature(page);
    await page.getByRole('button', { name: '确认签署' }).click();
    await page.getByText('请输入与本人姓名一致的姓名').waitFor();
    await page.screenshot({ path: `${resultsDir}/h5-sign.png`, fullPage: true });

    await page.getByPlaceholder('请输入您的姓名').fill('陈签名');
    await page.getByRole('button', { name: '确认签署' }).click();
    await page.getByText('签署完成').waitFor();
    await page.screenshot({ path: `${resultsDir}/h5-signed.png`, fullPage: true });
    const href = await page.getByTestId('document-link').getAttribute('href');
    const pdf = await page.request.get(`${h5.base}${href}`);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const signature = await t.db.signature.findFirstOrThrow({ where: { subjectId: exceptionId } });
    expect([signature.typedName, signature.platform, signature.userAgent]).toEqual(['陈签名', 'sandbox', expect.stringContaining('Chrome')]);
    expect(errors).toEqual([]);
  });

  it('uploads a PDF proof, refuses an .exe renamed .pdf with the Chinese message, and lists both documents', async () => {
    const { page, errors } = await h5.phone(employeeId, { deviceScaleFactor: 2 });
    await page.goto(`${h5.base}/app/proofs/upload?exceptionId=${exceptionId}&kind=PENSION_CERTIFICATE`);
    const input = page.getByTestId('file-picker').locator('input[type=file]');
    await input.setInputFiles({ name: '退休证.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    await page.getByTestId('chosen-file').waitFor();
    await page.getByTestId('consent').getByText('单独同意').click();
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.getByText('上传成功').waitFor();
    const proof = await t.db.proof.findFirstOrThrow({ where: { employeeId } });
    expect([proof.kind, proof.exceptionId, proof.fileName, proof.mediaType]).toEqual(['PENSION_CERTIFICATE', exceptionId, '退休证.pdf', 'application/pdf']);

    await page.getByRole('button', { name: '继续上传' }).click();
    await page.getByTestId('file-picker').locator('input[type=file]').setInputFiles({ name: 'x.pdf', mimeType: 'application/pdf', buffer: exeBytes() });
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.getByText('文件类型不支持：只接受 PDF、JPG、PNG（按文件内容判断，而非扩展名）').waitFor();
    expect(await t.db.proof.count()).toBe(1);

    await page.goto(`${h5.base}/app/me`);
    await page.getByText('我的文件').click();
    await page.waitForURL(`${h5.base}/app/documents`);
    await page.getByTestId('proof-row').waitFor();
    expect(await page.getByTestId('signature-row').innerText()).toContain('社会保险例外情形声明');
    expect(await page.getByTestId('proof-row').innerText()).toContain('退休证.pdf');
    await page.screenshot({ path: `${resultsDir}/h5-documents.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('leads back to the request after an upload made from it: HR to its checklist, without exceptionId no way back', async () => {
    const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '何人事' });
    const own = (await t.db.insuranceException.create({ data: { employeeId: hr.employee.id, kind: 'RETIRED_REHIRE', reasonCategory: 'RETIRED_PENSIONER', status: 'DRAFT' } })).id;
    const { page, errors } = await h5.phone(hr.employee.id);
    await page.goto(`${h5.base}/app/proofs/upload?exceptionId=${own}&kind=PENSION_CERTIFICATE`);
    await page.getByTestId('file-picker').locator('input[type=file]').setInputFiles({ name: '退休证.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    await page.getByTestId('chosen-file').waitFor();
    await page.getByTestId('consent').getByText('单独同意').click();
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.getByText('上传成功').waitFor();
    await page.getByRole('button', { name: '返回申请' }).click();
    await page.waitForURL(`${h5.base}/app/exceptions/${own}`);
    await page.locator('[data-doc="PENSION_CERTIFICATE"]').waitFor();
    expect(await page.locator('[data-doc="PENSION_CERTIFICATE"]').innerText()).toContain('✔');

    await page.goto(`${h5.base}/app/proofs/upload`);
    await page.getByTestId('file-picker').locator('input[type=file]').setInputFiles({ name: '其他.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.getByText('上传成功').waitFor();
    expect(await page.getByRole('button', { name: '返回申请' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
