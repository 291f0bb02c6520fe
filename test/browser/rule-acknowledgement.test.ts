// 规章制度签收 in a real (headless) Chromium against the real server (劳动合同法 第四条): the
// employee opens the rule in force from the onboarding link, must open its PDF before 去签收
// unlocks, then signs with a drawn signature; the signature is the acknowledgement HR counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeCompanyRule } from '../../src/services/company-rules/store-company-rule.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { pdfBytes } from '../helpers/make-png.ts';
import { drawSignature, resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
let h5: H5Browser;
let employeeId: string;
let ruleId: string;

beforeAll(async () => {
  employeeId = (await makeEmployee(t.deps, { employeeNo: 'R001', name: '陈制度' })).id;
  const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事' });
  ({ ruleId } = await storeCompanyRule(t.deps, {
    actor: hr.actor, kind: 'attendance', title: '员工考勤管理制度', article: '连续旷工三个工作日及以上的，视为严重违纪', adoptedOn: '2026-01-05',
    adoptionMethod: 'WORKERS_CONGRESS', document: { fileName: '考勤制度.pdf', bytes: pdfBytes() }, minutes: { fileName: '纪要.pdf', bytes: pdfBytes() },
  }));
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('H5 rule acknowledgement', () => {
  it('reads the rule, then signs 规章制度签收 with a drawn signature', async () => {
    const { page, errors } = await h5.phone(employeeId, { deviceScaleFactor: 2 });
    await page.goto(`${h5.base}/app/rules/${ruleId}`);
    await page.getByText('《员工考勤管理制度》').first().waitFor();
    expect(await page.getByText('职工代表大会').count()).toBeGreaterThan(0);
    const sign = page.getByTestId('rule-sign');
    expect(await sign.isDisabled()).toBe(true);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('rule-document').click()]);
    await popup.close();
    await sign.click();
    await page.waitForURL(`${h5.base}/app/sign/company-rule-acknowledgement/${ruleId}`);
    await page.getByText('规章制度签收单：《员工考勤管理制度》').waitFor();
    expect(await page.locator('.declaration').innerText()).toContain('经职工代表大会讨论通过');

    await page.getByPlaceholder('请输入您的姓名').fill('陈制度');
    await page.locator('.van-checkbox__icon').click();
    // The rule's facts make the page taller than the phone: bring the pad into view to draw on it.
    await page.getByTestId('signature-canvas').scrollIntoViewIfNeeded();
    await drawSignature(page);
    await page.getByRole('button', { name: '确认签署' }).click();
    await page.getByText('签署完成').waitFor();
    await page.screenshot({ path: `${resultsDir}/h5-rule-signed.png`, fullPage: true });
    const signature = await t.db.signature.findFirstOrThrow({ where: { subjectType: 'company_rule', subjectId: ruleId } });
    expect([signature.employeeId, signature.template]).toEqual([employeeId, 'company-rule-acknowledgement@1']);

    await page.goto(`${h5.base}/app/rules/${ruleId}`);
    await page.getByTestId('rule-acknowledged').waitFor();
    expect(errors).toEqual([]);
  });
});
