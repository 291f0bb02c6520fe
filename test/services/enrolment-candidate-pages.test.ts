// The enrolment candidates in pages: the ids from one scan of the roster, then each page's rows by
// id with the conditions checked again, so a hire enrolled in between drops out of a later page.
import { describe, expect, it } from 'vitest';
import { enrolmentCandidatePages } from '../../src/services/enrolment/find-enrolment-candidates.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const enrolled = await makeEmployee(t.deps, { name: '老员工', enrolledOn: '2026-01-05' });
const hires = [];
for (let i = 0; i < 5; i++) hires.push(await makeEmployee(t.deps, { name: `新员工${i}`, status: 'ONBOARDING', startDate: '2026-11-20' }));
const later = await makeEmployee(t.deps, { name: '未到岗', status: 'ONBOARDING', startDate: '2027-01-04' });
const ids = hires.map((h) => h.id).sort();

describe('enrolmentCandidatePages', () => {
  it('yields every candidate once, in id order, in pages of the size asked, and no one enrolled or not yet started', async () => {
    const pages = [];
    for await (const page of enrolmentCandidatePages(t.db, { asOf: '2026-12-18', take: 2 })) pages.push(page.map((c) => c.id));
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(ids);
    expect(pages.flat()).not.toContain(enrolled.id);
    expect(pages.flat()).not.toContain(later.id);
  });

  it('drops a hire enrolled after the id scan from the page that would have listed them', async () => {
    const seen: string[] = [];
    for await (const page of enrolmentCandidatePages(t.db, { asOf: '2026-12-18', take: 2 })) {
      seen.push(...page.map((c) => c.id));
      if (seen.length === 2) await t.db.employee.update({ where: { id: ids[4]! }, data: { enrolledOn: new Date('2026-12-17T00:00:00Z') } });
    }
    expect(seen).toEqual(ids.slice(0, 4));
  });
});
