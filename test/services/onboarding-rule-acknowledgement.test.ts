// A new hire confirmed 到岗 gets the attendance rule in force to read and sign (劳动合同法 第四条):
// a chat message with the H5 link, queued through the outbox with the confirmation; nothing when
// HR stored no rule, nothing for a no-show.
import { describe, expect, it } from 'vitest';
import { ONBOARDING_ARRIVED, ONBOARDING_NO_SHOW } from '../../cards/action-ids.ts';
import { storeCompanyRule } from '../../src/services/company-rules/store-company-rule.ts';
import { decideOnboardingArrival } from '../../src/services/onboarding/decide-onboarding-arrival.ts';
import { onboardingCardKey, sendOnboardingConfirmations } from '../../src/services/onboarding/send-onboarding-confirmations.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { pdfBytes } from '../helpers/make-png.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-12-24T02:03:00.000Z') });
const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事', identities: { sandbox: 'hr-1' } });
const { deps, outbox } = withRecordingOutbox({ ...t.deps, publicBaseUrl: 'https://hr.example.com' });

async function confirm(name: string, actionId = ONBOARDING_ARRIVED) {
  const hire = await makeEmployee(t.deps, { status: 'ONBOARDING', startDate: '2026-12-21', name, identities: { sandbox: `u-${name}` } });
  await sendOnboardingConfirmations(deps, { asOf: '2026-12-21', platforms: ['sandbox'], publicBaseUrl: 'https://hr.example.com' });
  outbox.messages.length = 0;
  await decideOnboardingArrival(deps, { cardKey: onboardingCardKey(hire.id, 'sandbox'), actionId, actor: hr.actor, platform: 'sandbox', platformUserId: 'hr-1' });
  return outbox.messages.filter((m) => m.dedupeKey.startsWith('company-rule:'));
}

describe('the attendance rule with onboarding', () => {
  it('sends nothing while HR has stored no rule', async () => {
    expect(await confirm('张一')).toEqual([]);
  });

  it('sends the confirmed hire a link to read and sign the rule in force, and nothing to a no-show', async () => {
    const { ruleId } = await storeCompanyRule(deps, {
      actor: hr.actor, kind: 'attendance', title: '员工考勤管理制度', article: '连续旷工三个工作日及以上的，视为严重违纪', adoptedOn: '2026-03-01',
      adoptionMethod: 'ALL_STAFF', document: { fileName: 'a.pdf', bytes: pdfBytes() }, minutes: { fileName: 'b.pdf', bytes: pdfBytes() },
    });
    const sent = await confirm('张二');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.recipients).toEqual(['u-张二']);
    expect(JSON.stringify(sent[0]!.payload)).toContain(`https://hr.example.com/app/rules/${ruleId}`);
    expect(JSON.stringify(sent[0]!.payload)).toContain('《员工考勤管理制度》（第 1 版）');
    expect(await confirm('张三', ONBOARDING_NO_SHOW)).toEqual([]);
  });

  it('sends every employee at work a link to read and sign a new version when HR stores it, once each', async () => {
    const staff = await makeEmployee(t.deps, { name: '老员工', identities: { sandbox: 'u-老员工' } });
    await makeEmployee(t.deps, { name: '已离职', status: 'EXITED', identities: { sandbox: 'u-已离职' } });
    await makeEmployee(t.deps, { name: '待入职', status: 'ONBOARDING', startDate: '2026-12-28', identities: { sandbox: 'u-待入职' } });
    outbox.messages.length = 0;
    const { ruleId, text } = await storeCompanyRule(deps, {
      actor: hr.actor, kind: 'attendance', title: '员工考勤管理制度', article: '连续旷工三个工作日及以上的，视为严重违纪', adoptedOn: '2026-12-01',
      adoptionMethod: 'WORKERS_CONGRESS', document: { fileName: 'a2.pdf', bytes: pdfBytes() }, minutes: { fileName: 'b2.pdf', bytes: pdfBytes() },
    });
    const notices = outbox.messages.filter((m) => m.dedupeKey.startsWith(`company-rule:${ruleId}:`));
    const to = notices.flatMap((m) => m.recipients);
    expect(to).toContain('u-老员工');
    expect(to).toContain('hr-1');
    expect(to).not.toContain('u-已离职');
    expect(to).not.toContain('u-待入职');
    expect(new Set(to).size).toBe(to.length);
    const mine = notices.find((m) => m.recipients.includes('u-老员工'));
    expect(mine?.dedupeKey).toBe(`company-rule:${ruleId}:${staff.id}:sandbox`);
    expect(JSON.stringify(mine?.payload)).toContain('《员工考勤管理制度》已更新为第 2 版');
    expect(JSON.stringify(mine?.payload)).toContain(`https://hr.example.com/app/rules/${ruleId}`);
    expect(text).toContain(`已通过聊天消息通知 ${notices.length} 个账号`);
  });
});
