// The compliance dashboard in a real Chromium over the demo company (after one enrolment sweep,
// so the alerts exist): non-empty charts whose numbers equal plain SQL over the same tables, the
// figures with their change, the department table, the score; on HR's 工作台 and at /app/dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy/privacy-notice.ts';
import { seedDemoCompany } from '../../src/services/demo/seed-demo-company.ts';
import { sendEnrolmentAlerts } from '../../src/services/enrolment/send-enrolment-alerts.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

const NOW = new Date('2026-12-24T02:00:00Z'); // 10:00 in Shanghai
const t = await createTestDb({ now: () => NOW });
let h5: H5Browser;
let hrManagerId: string;

/** Coverage at each month end (today in December), written without the KPI module: employed that day, and an enrolment in force or an approved lawful exception. */
async function coverageBySql(): Promise<number[]> {
  const rows = await t.db.$queryRaw<{ pct: number | null }[]>`
    SELECT CASE WHEN count(e.id) = 0 THEN NULL ELSE round(100.0 * count(e.id) FILTER (WHERE
        EXISTS (SELECT 1 FROM "Enrolment" n WHERE n."employeeId" = e.id AND n."enrolledOn" <= d.day AND (n."stoppedOn" IS NULL OR n."stoppedOn" > d.day))
        OR (e."enrolledOn" <= d.day AND NOT EXISTS (SELECT 1 FROM "Enrolment" n WHERE n."employeeId" = e.id))
        OR EXISTS (SELECT 1 FROM "InsuranceException" x WHERE x."employeeId" = e.id AND x.kind <> 'WAIVER_REQUEST' AND x.status = 'APPROVED' AND x."createdAt"::date <= d.day)
      ) / count(e.id), 1)::float END AS pct
    FROM (SELECT LEAST((date_trunc('month', m) + interval '1 month - 1 day')::date, DATE '2026-12-24') AS day
          FROM generate_series(DATE '2026-01-01', DATE '2026-12-01', interval '1 month') m) d
    LEFT JOIN "Employee" e ON e."startDate" <= d.day AND (e."exitDate" IS NULL OR e."exitDate" >= d.day)
      AND NOT EXISTS (SELECT 1 FROM "StatusChange" c WHERE c."employeeId" = e.id AND c."fromStatus" = 'ONBOARDING' AND c."toStatus" = 'EXITED')
    GROUP BY d.day ORDER BY d.day`;
  return rows.map((r) => r.pct as number);
}

/** Open enrolment alerts by each hire's latest stage, written without the KPI module. */
async function alertStagesBySql(): Promise<{ day23: number; day28: number; overdue: number }> {
  const rows = await t.db.$queryRaw<{ stage: string }[]>`
    SELECT DISTINCT ON ("employeeId") stage FROM "Alert" WHERE kind = 'enrolment' AND state = 'OPEN' ORDER BY "employeeId", "dueOn" DESC`;
  const count = (p: (s: string) => boolean) => rows.filter((r) => p(r.stage)).length;
  return { day23: count((s) => s === 'day23'), day28: count((s) => s === 'day28'), overdue: count((s) => s.startsWith('overdue')) };
}

beforeAll(async () => {
  await seedDemoCompany(t.deps, { actor: systemActor('test', '测试') });
  await sendEnrolmentAlerts(withRecordingOutbox(t.deps).deps, { asOf: '2026-12-24', platforms: ['sandbox'], publicBaseUrl: 'http://127.0.0.1' });
  hrManagerId = (await t.db.employee.findFirstOrThrow({ where: { roles: { some: { role: 'HR_MANAGER' } } } })).id;
  await t.db.privacyAcknowledgement.create({ data: { employeeId: hrManagerId, version: PRIVACY_NOTICE_VERSION, acknowledgedAt: NOW } });
  h5 = await startH5Browser(t);
});

afterAll(() => h5?.close());

describe('合规看板', () => {
  it('draws the trend and the alert stages with the numbers plain SQL gives', async () => {
    const { page, errors } = await h5.phone(hrManagerId);
    await page.goto(`${h5.base}/app/dashboard`);
    const dashboard = page.getByTestId('dashboard');
    await dashboard.waitFor();
    expect(await page.getByTestId('dashboard-month').innerText()).toBe('2026年12月');
    const trend = page.getByTestId('trend-chart');
    await trend.locator('canvas').waitFor();
    // echarts writes the chart's aria description onto its container.
    const description = (await trend.getAttribute('aria-label')) ?? '';
    const coverage = [...description.matchAll(/缴纳率 ([\d.—]+)/g)].map((m) => (m[1] === '—' ? null : Number(m[1])));
    expect(coverage).toHaveLength(12);
    expect(coverage).toEqual(await coverageBySql());
    expect(coverage.filter((x) => x !== null).length).toBeGreaterThan(0);
    const stages = await alertStagesBySql();
    expect(stages.day23 + stages.day28 + stages.overdue).toBeGreaterThan(0);
    const alertText = (await page.getByTestId('alert-chart').getAttribute('aria-label')) ?? '';
    expect(alertText).toContain(`第23日提醒 ${stages.day23}；第28日升级 ${stages.day28}；已逾期 ${stages.overdue}`);
    // The canvases are drawn, not blank.
    for (const id of ['trend-chart', 'alert-chart']) {
      const inked = await page.getByTestId(id).locator('canvas').first().evaluate((c: HTMLCanvasElement) => {
        const px = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let n = 0;
        for (let i = 3; i < px.length; i += 4) if ((px[i] ?? 0) > 0) n++;
        return n;
      });
      expect(inked, id).toBeGreaterThan(500);
    }
    const open = page.getByTestId('figures').locator('[data-key="openAlerts"]');
    expect(await open.getByTestId('figure-value').innerText()).toBe(`${stages.day23 + stages.day28 + stages.overdue} 人`);
    expect(await page.getByTestId('kpi-score').innerText()).toMatch(/合规考核得分/);
    expect(await page.getByTestId('departments').locator('tbody tr').count()).toBeGreaterThan(1);
    await page.screenshot({ path: `${resultsDir}/h5-dashboard.png`, fullPage: true });
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-report').click()]);
    expect(file.suggestedFilename()).toBe('社保合规月报-2026-12.xlsx');
    await open.click();
    await page.waitForURL(`${h5.base}/app/enrolment/pending`);
    expect(errors).toEqual([]);
  });

  it('opens the month the monthly report card links to', async () => {
    const { page, errors } = await h5.phone(hrManagerId);
    await page.goto(`${h5.base}/app/dashboard?month=2026-11`);
    await page.getByTestId('dashboard').waitFor();
    expect(await page.getByTestId('dashboard-month').innerText()).toBe('2026年11月');
    expect(errors).toEqual([]);
  });

  it('is the top of HR\'s 工作台', async () => {
    const { page, errors } = await h5.phone(hrManagerId);
    await page.goto(`${h5.base}/app/workbench`);
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('overview').waitFor();
    const [dashboardTop, overviewTop] = await Promise.all([page.getByTestId('dashboard').boundingBox(), page.getByTestId('overview').boundingBox()]);
    expect((dashboardTop?.y ?? 0) < (overviewTop?.y ?? 0)).toBe(true);
    expect(errors).toEqual([]);
  });
});
