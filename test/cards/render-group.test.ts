// Every card type as a group chat message (cards/render-group.ts): within WeCom's textcard and
// markdown limits, the legal basis always kept, a 详情 link instead of buttons on both platforms.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GROUP_LIMITS, renderDingtalkGroupMessage, renderWecomGroupMessage } from '../../cards/render-group.ts';
import { cardBodyUrl } from '../../cards/card-text.ts';
import { loadManifest } from '../../src/manifest.ts';
import { cardSamples, sampleDecision } from './card-samples.ts';

const manifest = loadManifest(fileURLToPath(new URL('../../app.json', import.meta.url)));
const cases = manifest.cards.flatMap((type) => (['open', 'decided'] as const).map((state) => [type.id, state] as const));

describe('a card as a group message', () => {
  it.each(cases)('renders %s (%s) within the limits, with its legal basis and a 详情 link', (type, state) => {
    const card = cardSamples[type]!(state === 'decided' ? sampleDecision : undefined);
    const wecom = renderWecomGroupMessage(card);
    const dingtalk = renderDingtalkGroupMessage(card);
    const url = cardBodyUrl(card);
    if (wecom.msgtype === 'textcard') {
      expect(wecom.textcard).toMatchObject({ url, btntxt: '详情' });
      expect(Buffer.byteLength(wecom.textcard.title)).toBeLessThanOrEqual(GROUP_LIMITS.wecomTitleBytes);
      expect(Buffer.byteLength(wecom.textcard.description)).toBeLessThanOrEqual(GROUP_LIMITS.wecomDescriptionBytes);
      if (card.legalBasis) expect(wecom.textcard.description).toContain(card.legalBasis.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').slice(0, 20));
    } else {
      expect(url).toBeUndefined();
      expect(Buffer.byteLength(wecom.markdown.content)).toBeLessThanOrEqual(GROUP_LIMITS.markdownBytes);
    }
    expect(dingtalk.msgKey).toBe(url ? 'sampleActionCard' : 'sampleMarkdown');
    if (dingtalk.msgKey === 'sampleActionCard') expect(dingtalk.msgParam).toMatchObject({ singleTitle: '详情', singleURL: url });
    expect(dingtalk.msgParam.text).toContain(card.title);
    // No button text reaches a group: nobody decides there.
    for (const b of card.buttons.filter((x) => x.kind === 'action')) expect(JSON.stringify([wecom, dingtalk])).not.toContain(`"${b.text}"`);
  });

  it('cuts a long card by whole rows and says there is more', () => {
    const card = cardSamples[manifest.cards[0]!.id]!();
    const long = { ...card, rows: Array.from({ length: 6 }, (_, i) => ({ label: `第${i + 1}项`, value: '很长的说明文字'.repeat(6) })), legalBasis: '依据《社会保险法》第五十八条', url: 'https://hr.example.com/app/me' };
    const wecom = renderWecomGroupMessage(long);
    if (wecom.msgtype !== 'textcard') throw new Error('expected a textcard');
    expect(Buffer.byteLength(wecom.textcard.description)).toBeLessThanOrEqual(GROUP_LIMITS.wecomDescriptionBytes);
    expect(wecom.textcard.description).toContain('……更多内容请点详情');
    expect(wecom.textcard.description).toContain('依据《社会保险法》第五十八条');
    expect(wecom.textcard.description.match(/<div/g)?.length).toBe(wecom.textcard.description.match(/<\/div>/g)?.length);
  });
});
