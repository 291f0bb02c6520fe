// One sample per card type listed in app.json, open and decided, fed to every renderer by the
// golden tests. A new card type without a sample fails test/cards/render-golden.test.ts.
import type { CardDecision, CardModel } from '../../cards/card-model.ts';
import { buildEnrolmentDeadlineCard } from '../../cards/enrolment-deadline-card.ts';
import { buildOnboardingConfirmCard } from '../../cards/onboarding-confirm-card.ts';
import { buildReconciliationDigestCard } from '../../cards/reconciliation-digest-card.ts';

export const sampleDecision: CardDecision = { label: '已确认到岗', byName: '李人事', at: '2026-12-24T02:03:00.000Z' };

export const cardSamples: Record<string, (decided?: CardDecision) => CardModel> = {
  'onboarding.confirm': (decided) =>
    buildOnboardingConfirmCard({
      employee: { name: '张三', department: '研发部', position: '后端工程师', startDate: '2026-12-21' },
      key: 'onb-0f8e1c2d3b4a59687766554433221100-wecom',
      h5Url: 'https://hr.example.com/app/me',
      decided,
    }),
  'enrolment.deadline': (decided) =>
    buildEnrolmentDeadlineCard({
      facts: { name: '张三', department: '研发部', startDate: '2026-11-20', dayNumber: 24, deadline: '2026-12-21', daysLeft: 7, kind: 'warn' },
      key: 'enr-0f8e1c2d3b4a59687766554433221100-day23-wecom',
      h5Url: 'https://hr.example.com/app/me',
      decided,
    }),
  'reconciliation.digest': (decided) =>
    buildReconciliationDigestCard({
      key: 'rec-0f8e1c2d3b4a59687766554433221100-wecom',
      month: '2026-10',
      kinds: [{ label: '在职未参保', names: ['张三'] }, { label: '离职仍缴', names: ['李四', '王五'] }],
      dueOn: '2026-11-10',
      h5Url: 'https://hr.example.com/app/me',
      decided,
    }),
};
