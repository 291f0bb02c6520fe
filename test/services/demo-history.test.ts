// The demo company fills every chart of the dashboard for the last 12 months: hires due in most
// months with some enrolled late, back-pay events, coverage, complaints, and the points ranking's
// quiz passes — all from one seed, the same on every seed of the same day.
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { buildDemoRoster } from '../../src/services/demo/demo-roster.ts';
import { seedDemoCompany } from '../../src/services/demo/seed-demo-company.ts';
import { getDashboard } from '../../src/services/kpi/get-dashboard.ts';
import { testAdmin } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const NOW = new Date('2026-12-24T02:00:00Z'); // 10:00 in Shanghai
const t = await createTestDb({ now: () => NOW });
await seedDemoCompany(t.deps, { actor: systemActor('test', '测试') });
const dashboard = (month: string) => getDashboard(t.deps, { actor: testAdmin, month, departmentId: null });
const months = Array.from({ length: 12 }, (_, k) => `2026-${String(k + 1).padStart(2, '0')}`);

describe('the demo company over the last 12 months', () => {
  it('has hires due in most months of the trend, some of them enrolled late', async () => {
    const { trend, backPay } = await dashboard('2026-12');
    expect(trend).toHaveLength(12);
    expect(trend.every((p) => p.coveragePct !== null)).toBe(true);
    expect(trend.filter((p) => p.timelinessPct !== null).length).toBeGreaterThanOrEqual(9);
    const late = trend.reduce((n, p) => n + p.deadlineHires - p.enrolledOnTime, 0);
    expect(late).toBeGreaterThanOrEqual(3);
    expect(trend.some((p) => p.timelinessPct !== null && p.timelinessPct < 100)).toBe(true);
    expect(backPay.eventsThisYear).toBeGreaterThanOrEqual(3);
  });

  it('has questions every month and complaints in some, answered by HR once their day is past', async () => {
    const perMonth = await Promise.all(months.map(async (m) => (await dashboard(m)).figures.find((f) => f.key === 'complaints')?.value ?? 0));
    expect(perMonth.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    const questions = await t.db.employeeQuestion.findMany();
    const asked = new Set(questions.map((q) => q.createdAt.toISOString().slice(0, 7)));
    expect(asked.size).toBe(12);
    expect(questions.filter((q) => q.state === 'ANSWERED').length).toBeGreaterThan(questions.length - 3);
  });

  it('has quiz passes with their points, at most one per person and year, and failed attempts without', async () => {
    const attempts = await t.db.quizAttempt.findMany();
    const awards = await t.db.pointAward.findMany();
    const passes = attempts.filter((a) => (a.score ?? 0) >= 80);
    expect(passes.length).toBeGreaterThanOrEqual(10);
    expect(attempts.length).toBeGreaterThan(passes.length);
    expect(awards).toHaveLength(passes.length);
    expect(new Set(awards.map((a) => `${a.employeeId}:${a.subjectId}`)).size).toBe(awards.length);
    expect(awards.every((a) => a.rule === 'quizPass' && a.points === 2 && a.awardedAt <= NOW)).toBe(true);
  });

  it('builds the same roster, dates and enrolments on every seed of the day', () => {
    const a = buildDemoRoster('2026-12-24').people;
    expect(buildDemoRoster('2026-12-24').people).toEqual(a);
    const late = a.filter((p) => p.enrolledOn && p.startDate > '2025-12-24' && p.enrolledOn > addDaysIso(p.startDate, 30));
    expect(late.length).toBeGreaterThanOrEqual(3);
  });
});

const addDaysIso = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
