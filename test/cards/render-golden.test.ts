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
