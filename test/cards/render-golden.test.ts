// Every card type × platform × (open, decided) against a golden JSON file.
// UPDATE_GOLDEN=1 npx vitest run test/cards rewrites them; review the diff before committing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderDingtalkCardParamMap } from '../../cards/render-dingtalk.ts';
import { renderWecomTemplateCard } from '../../cards/render-wecom.ts';
import { loadManifest } from '../../src/manifest.ts';
import { cardSamples, sampleDecision } from './card-samples.ts';

const manifest = loadManifest(fileURLToPath(new URL('../../app.json', import.meta.url)));
const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));
const renderers = {
  wecom: (card: Parameters<typeof renderWecomTemplateCard>[0]) => renderWecomTemplateCard(card, { agentId: 1000002 }),
  dingtalk: renderDingtalkCardParamMap,
};
const cases = manifest.cards.flatMap((type) =>
  (['wecom', 'dingtalk'] as const).flatMap((platform) => (['open', 'decided'] as const).map((state) => [type.id, platform, state] as const)),
);

describe('card golden files', () => {
  it.each(cases)('renders %s for %s when %s exactly as its golden file', (type, platform, state) => {
    const sample = cardSamples[type];
    if (!sample) throw new Error(`app.json lists card "${type}" but test/cards/card-samples.ts has no sample for it`);
    const actual = renderers[platform](sample(state === 'decided' ? sampleDecision : undefined));
    const file = `${goldenDir}${type}.${platform}.${state}.json`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    if (!existsSync(file)) throw new Error(`no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run test/cards and review it`);
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it.each(manifest.cards)('lists in app.json exactly the action ids the $id card carries', (entry) => {
    const card = cardSamples[entry.id]?.();
    expect(card?.buttons.flatMap((b) => (b.kind === 'action' ? [b.actionId] : []))).toEqual(entry.actions);
  });
});

// After a decision the actions go, but the way to the case stays: no reply may point at a 详情
// that the decided card no longer has (「如日期有误，点卡片上的「详情」修改」).
describe('a decided card', () => {
  it.each(manifest.cards.map((c) => [c.id] as const))('%s keeps its link buttons on WeCom and DingTalk', (type) => {
    const card = cardSamples[type]!(sampleDecision);
    const links = card.buttons.filter((b) => b.kind === 'link');
    expect(links.length, `${type} has no link button`).toBeGreaterThan(0);
    const wecom = renderWecomTemplateCard(card, { agentId: 1000002 }) as { jump_list?: { title: string; url: string }[]; button_list?: unknown[] };
    expect(wecom.button_list).toBeUndefined();
    expect(wecom.jump_list?.map((j) => j.title)).toEqual(links.map((l) => l.text));
    const dingtalk = JSON.parse(renderDingtalkCardParamMap(card).buttons as string) as { text: string; url?: string; actionId?: string }[];
    expect(dingtalk).toEqual(links.map((l) => ({ text: l.text, url: l.url })));
  });
});
