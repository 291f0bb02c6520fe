import { describe, expect, it } from 'vitest';
import type { CardModel } from '../../cards/card-model.ts';
import { truncateBytes, truncateChars } from '../../cards/card-limits.ts';
import { renderDingtalkCardParamMap } from '../../cards/render-dingtalk.ts';
import { renderWecomTemplateCard } from '../../cards/render-wecom.ts';
import { cardSamples, sampleDecision } from './card-samples.ts';

const base = (overrides: Partial<CardModel> = {}): CardModel => ({ ...(cardSamples['onboarding.confirm'] as () => CardModel)(), ...overrides });
const actions = (n: number): CardModel['buttons'] => Array.from({ length: n }, (_, i) => ({ kind: 'action', actionId: `a.${i}`, text: `按钮${i}`, style: 'default' }));
const wecom = (card: CardModel) => renderWecomTemplateCard(card, { agentId: 1 });

describe('text truncation', () => {
  it('cuts by characters and ends with an ellipsis, never splitting an emoji', () => {
    expect(truncateChars('一二三四五六', 4)).toBe('一二三…');
    expect(truncateChars('😀😀😀', 2)).toBe('😀…');
    expect(truncateChars('一二三', 3)).toBe('一二三');
  });

  it('cuts by UTF-8 bytes, counting the ellipsis, never splitting a character', () => {
    const cut = truncateBytes('中'.repeat(400), 1024);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(1024);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).toBe(`${'中'.repeat(340)}…`);
  });
});

describe('WeCom template_card limits', () => {
  it('truncates a long title to 36 characters and a long row value to 26', () => {
    const out = wecom(base({ title: '长'.repeat(50), rows: [{ label: '很长的标签名字', value: '值'.repeat(40) }] }));
    expect(out.main_title).toMatchObject({ title: `${'长'.repeat(35)}…` });
    expect(out.horizontal_content_list).toEqual([{ keyname: '很长的标…', value: `${'值'.repeat(25)}…` }]);
  });

  it('refuses seven buttons rather than hide an action', () => {
    expect(() => wecom(base({ buttons: actions(7) }))).toThrow(/at most 6/);
    expect(() => wecom(base({ buttons: actions(6), url: 'https://x.example/a' }))).not.toThrow();
  });

  it('refuses a seventh row', () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ label: `行${i}`, value: 'v' }));
    expect(() => wecom(base({ rows }))).toThrow(/rows: 7 given/);
  });

  it.each(['has space', 'has/slash', 'x'.repeat(129), '', '中文'])('rejects the task_id %j', (key) => {
    expect(() => wecom(base({ key }))).toThrow(/card key/);
    expect(() => renderDingtalkCardParamMap(base({ key }))).toThrow(/card key/);
  });

  it('rejects two buttons with the same action id', () => {
    expect(() => wecom(base({ buttons: [...actions(1), ...actions(1)] }))).toThrow(/used by two buttons/);
  });

  it('needs a link for a text_notice and an absolute URL for every link', () => {
    expect(() => wecom(base({ buttons: [], url: undefined, decided: sampleDecision }))).toThrow(/text_notice needs/);
    expect(() => wecom(base({ url: '/app/me' }))).toThrow(/PUBLIC_BASE_URL/);
  });

  it('drops the action buttons once decided and shows the decision in Beijing time', () => {
    const out = wecom(base({ decided: sampleDecision }));
    expect(out.card_type).toBe('text_notice');
    expect(out).not.toHaveProperty('button_list');
    expect(out.sub_title_text).toBe('已确认到岗 · 李人事 · 2026-12-24 10:03');
  });

  it('marks an urgent card with the red source line', () => {
    expect(wecom(base({ tone: 'urgent' })).source).toEqual({ desc: '社保哨兵 · 紧急', desc_color: 2 });
  });
});

describe('DingTalk cardParamMap limits', () => {
  it('gives only strings of at most 1 KB, cutting long text with an ellipsis', () => {
    const map = renderDingtalkCardParamMap(base({ title: '长'.repeat(1000), rows: Array.from({ length: 6 }, () => ({ label: '说明', value: '字'.repeat(300) })) }));
    for (const value of Object.values(map)) {
      expect(typeof value).toBe('string');
      expect(Buffer.byteLength(value)).toBeLessThanOrEqual(1024);
    }
    expect(map.title?.endsWith('…')).toBe(true);
  });

  it('refuses buttons that do not fit in 1 KB of JSON', () => {
    const buttons: CardModel['buttons'] = actions(5).map((b) => (b.kind === 'action' ? { ...b, actionId: `${b.actionId}.${'x'.repeat(200)}` } : b));
    expect(() => renderDingtalkCardParamMap(base({ buttons }))).toThrow(/1 KB/);
  });
});
