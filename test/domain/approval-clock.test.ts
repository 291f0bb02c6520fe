// The pure parts of the approval engine's clock: the end of a business day, the SLA decision per
// step, and the waiting text the 待办 page shows.
import { describe, expect, it } from 'vitest';
import { addDays, startOfDayIn } from '../../src/domain/dates.ts';
import type { ApprovalListItem } from '../../src/domain/views/approvals.ts';
import { itemLabel, waitingText } from '../../src/h5/approval-view.ts';
import { slaDueAction, stepDue } from '../../src/services/approvals/step-clock.ts';

const at = (iso: string) => new Date(iso);
const h = (n: number) => new Date(at('2026-12-01T02:00:00.000Z').getTime() + n * 3_600_000);
const step = (over: Partial<{ activatedAt: Date; escalatedAt: Date | null; remindedAt: Date | null; slaHours: number }> = {}) => ({
  activatedAt: h(0), escalatedAt: null, remindedAt: null, slaHours: 24, ...over,
});

describe('startOfDayIn', () => {
  it('gives local midnight as an instant, so the end of asOf is the start of the next day', () => {
    expect(startOfDayIn('Asia/Shanghai', '2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(startOfDayIn('Asia/Shanghai', addDays('2026-12-31', 1)).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(startOfDayIn('UTC', '2026-12-01').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    // Across a DST change the offset of that very day is used.
    expect(startOfDayIn('Europe/Berlin', '2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayIn('Europe/Berlin', '2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('slaDueAction', () => {
  it('reminds at the SLA, escalates at twice it, and nothing before', () => {
    expect(slaDueAction(step(), h(23.9), true)).toBe('none');
    expect(slaDueAction(step(), h(24), true)).toBe('remind');
    expect(slaDueAction(step({ remindedAt: h(25) }), h(30), true)).toBe('none');
    expect(slaDueAction(step({ remindedAt: h(25) }), h(48), true)).toBe('escalate');
    expect(slaDueAction(step(), h(49), true)).toBe('escalate');
  });

  it('restarts the clock at an escalation, for the new approvers\' own reminder and escalation', () => {
    const escalated = step({ remindedAt: h(25), escalatedAt: h(49) });
    expect(stepDue(escalated)).toEqual(h(73));
    expect(slaDueAction(escalated, h(60), true)).toBe('none');
    expect(slaDueAction(escalated, h(73), true)).toBe('remind');
    expect(slaDueAction({ ...escalated, remindedAt: h(73) }, h(97), true)).toBe('escalate');
  });

  it('reminds once more, and only once, when no level is left', () => {
    expect(slaDueAction(step({ remindedAt: h(25) }), h(49), false)).toBe('remindFinal');
    expect(slaDueAction(step({ remindedAt: h(49) }), h(200), false)).toBe('none');
    expect(slaDueAction(step({ slaHours: 2 }), h(3), false)).toBe('remind');
  });
});

describe('待办 texts', () => {
  it('says how long an item has waited', () => {
    expect(waitingText(h(0).toISOString(), h(0.5))).toBe('刚刚提交');
    expect(waitingText(h(0).toISOString(), h(3))).toBe('已等待 3 小时');
    expect(waitingText(h(0).toISOString(), h(49))).toBe('已等待 2 天 1 小时');
    expect(waitingText(h(0).toISOString(), h(48))).toBe('已等待 2 天');
    expect(waitingText(null, h(1))).toBe('');
  });

  it('labels pending items with the wait and due time, and settled ones with their outcome', () => {
    const item: ApprovalListItem = {
      id: 'a', definition: 'exception', title: 't', status: 'PENDING', statusLabel: '审批中', submitter: { id: 's', name: '李人事' }, createdAtText: '2026-12-01 10:00',
      decidedAtText: null, step: { index: 0, name: '人事经理审批', level: 0 }, waitingSince: h(0).toISOString(), due: '2026-12-02T02:00:00.000Z', dueText: '2026-12-02 10:00', createdAt: '2026-12-01T02:00:00.000Z',
    };
    expect(itemLabel(item, 'pending', h(5))).toBe('李人事 提交 · 已等待 5 小时 · 截止 2026-12-02 10:00');
    expect(itemLabel(item, 'submitted', h(5))).toBe('李人事 提交 · 人事经理审批 · 截止 2026-12-02 10:00');
    expect(itemLabel({ ...item, status: 'APPROVED', statusLabel: '已通过', decidedAtText: '2026-12-01 12:00' }, 'done', h(5))).toBe('李人事 提交 · 已通过 · 2026-12-01 12:00');
  });
});
