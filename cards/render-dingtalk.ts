// CardModel → DingTalk interactive-card data (卡片平台). The card template designed in the
// DingTalk console (cards/dingtalk-card-template.json names its variables) reads a flat
// cardParamMap whose values are all strings of at most 1 KB. Every key is always present, so
// an update with updateCardDataByKey overwrites stale values (e.g. removes the buttons).
import type { CardModel } from './card-model.ts';
import { assertAbsoluteUrl, assertAtMost, assertCardKey, truncateBytes } from './card-limits.ts';
import { assertUniqueActionIds, cardBodyUrl, DEFAULT_CARD_TZ, decisionLine, linkButtons, liveActionButtons } from './card-text.ts';
import { formatDateTime } from '../src/domain/dates.ts';

export const DINGTALK_LIMITS = { valueBytes: 1024, buttons: 6 } as const;

export interface DingtalkRenderOptions {
  /** Zone for the decision time; BUSINESS_TZ. */
  timeZone?: string;
}

/** @example renderDingtalkCardParamMap(card) // → cardData.cardParamMap of createAndDeliver */
export function renderDingtalkCardParamMap(card: CardModel, opts: DingtalkRenderOptions = {}): Record<string, string> {
  assertCardKey(card.key); // it is the outTrackId
  assertUniqueActionIds(card);
  const buttons = [
    ...liveActionButtons(card).map((b) => ({ actionId: b.actionId, text: b.text, style: b.style })),
    ...linkButtons(card).map((b) => ({ text: b.text, url: assertAbsoluteUrl(b.url, `card ${card.key} button ${b.text}`) })),
  ];
  assertAtMost(`card ${card.key} buttons`, buttons.length, DINGTALK_LIMITS.buttons);
  // JSON cannot be cut without breaking it, so an oversized button list is an error.
  const buttonsJson = JSON.stringify(buttons);
  if (Buffer.byteLength(buttonsJson) > DINGTALK_LIMITS.valueBytes) throw new Error(`card ${card.key}: buttons exceed 1 KB as JSON`);
  const bodyUrl = cardBodyUrl(card);
  const d = card.decided;
  const text = (v: string | undefined) => truncateBytes(v ?? '', DINGTALK_LIMITS.valueBytes);
  return {
    type: text(card.type),
    title: text(card.title),
    subtitle: text(card.subtitle),
    urgent: card.tone === 'urgent' ? 'true' : 'false',
    rows: text(card.rows.map((r) => `**${r.label}**：${r.value}`).join('\n')),
    legalBasis: text(card.legalBasis),
    buttons: buttonsJson,
    url: bodyUrl ? assertAbsoluteUrl(bodyUrl, `card ${card.key} url`) : '',
    status: d ? 'decided' : 'open',
    decidedLabel: text(d?.label),
    decidedBy: text(d?.byName),
    decidedAt: d ? formatDateTime(opts.timeZone ?? DEFAULT_CARD_TZ, new Date(d.at)) : '',
    decidedText: d ? text(decisionLine(d, opts.timeZone)) : '',
  };
}

/** Body of PUT /v1.0/card/instances: the whole map again, replacing every key. */
export function buildDingtalkCardUpdate(card: CardModel, opts: DingtalkRenderOptions = {}): Record<string, unknown> {
  return {
    outTrackId: card.key,
    cardData: { cardParamMap: renderDingtalkCardParamMap(card, opts) },
    cardUpdateOptions: { updateCardDataByKey: true },
  };
}
