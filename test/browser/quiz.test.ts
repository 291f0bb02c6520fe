// "知识问答" in a real (headless) Chromium against the real server: an employee opens it from
// "我的", answers the ten questions, sees the score with each explanation, and finds the points
// in "我的积分".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quizQuestion } from '../../src/domain/quiz/quiz-bank.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-12-07T02:00:00Z') });
let h5: H5Browser;
let employeeId: string;
let hrId: string;

beforeAll(async () => {
  employeeId = (await makeEmployee(t.deps, { employeeNo: 'Q001', name: '陈一鸣', department: '研发部' })).id;
  hrId = (await makeEmployee(t.deps, { employeeNo: 'H001', name: '林晓雯', department: '人力资源部', roles: ['HR_SPECIALIST'] })).id;
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('H5 "知识问答"', () => {
  it('answers the quiz from "我的", shows the score and explanations, and the points in "我的积分"', async () => {
    const { page, errors } = await h5.phone(employeeId);
    const { base } = h5;
    await page.goto(`${base}/app/me`);
    await page.getByText('知识问答', { exact: true }).click();
    await page.waitForURL(`${base}/app/quiz`);
    await page.locator('[data-question]').first().waitFor();
    const ids = await page.locator('[data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question') ?? ''));
    expect(ids).toHaveLength(10);
    // Nine right, the last one wrong: 90 of 100.
    for (const [i, id] of ids.entries()) {
      const answer = quizQuestion(id)!.answer;
      await page.locator(`[data-question="${id}"] .van-radio`).nth(i < 9 ? answer : (answer + 1) % 4).click();
    }
    await page.screenshot({ path: `${resultsDir}/h5-quiz.png`, fullPage: true });
    await page.getByTestId('quiz-submit').click();
    await expect.poll(() => page.getByTestId('quiz-score').innerText()).toMatch(/90\s*分[\s\S]*积分 \+2/);
    const last = await page.locator(`[data-mark="${ids[9]}"]`).innerText();
    expect(last).toContain('答错');
    expect(last).toContain(`依据${quizQuestion(ids[9]!)!.article}`);
    await page.screenshot({ path: `${resultsDir}/h5-quiz-result.png`, fullPage: true });

    await page.getByText('查看我的积分').click();
    await page.waitForURL(`${base}/app/points`);
    await expect.poll(() => page.getByTestId('points-total').innerText()).toMatch(/^2\s/);
    expect(await page.locator('[data-award="quizPass"]').innerText()).toMatch(/社保知识问答通过[\s\S]*2026-12-07 · 2026 年社保知识问答 90 分（80 分及格）[\s\S]*\+2/);
    await page.screenshot({ path: `${resultsDir}/h5-my-points.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows HR the department ranking from 工作台 with the export link', async () => {
    const { page, errors } = await h5.phone(hrId);
    const { base } = h5;
    await page.goto(`${base}/app/workbench`);
    await page.getByText('积分排行', { exact: true }).click();
    await page.waitForURL(`${base}/app/points/ranking`);
    await expect.poll(() => page.locator('[data-department="研发部"]').innerText()).toMatch(/1\. 研发部[\s\S]*2 分 \/ 人均 2/);
    expect(await page.getByTestId('top-employees').innerText()).toContain('陈一鸣（Q001）');
    const exportLink = page.getByTestId('points-export');
    expect([await exportLink.innerText(), await exportLink.getAttribute('href')]).toEqual(['导出 2026 年积分（Excel）', '/api/v1/points/export.xlsx?year=2026']);
    await page.screenshot({ path: `${resultsDir}/h5-points-ranking.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
