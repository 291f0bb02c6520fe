// Text shared by every renderer, so WeCom, DingTalk and the sandbox word a decision alike.
import { formatDateTime } from '../src/domain/dates.ts';
import type { CardButton, CardDecision, CardModel } from './card-model.ts';

/** The zone decisions are shown in unless the caller passes BUSINESS_TZ. */
export const DEFAULT_CARD_TZ = 'Asia/Shanghai';

/** '已确认到岗 · 张三 · 2026-12-24 10:03' */
export function decisionLine(decided: CardDecision, timeZone = DEFAULT_CARD_TZ): string {
  return `${decided.label} · ${decided.byName} · ${formatDateTime(timeZone, new Date(decided.at))}`;
}

export type ActionButton = Extract<CardButton, { kind: 'action' }>;
export type LinkButton = Extract<CardButton, { kind: 'link' }>;

/** Buttons that call back; none once the card is decided (a decision is final). */
export function liveActionButtons(card: CardModel): ActionButton[] {
  if (card.decided) return [];
  return card.buttons.filter((b): b is ActionButton => b.kind === 'action');
}

export function linkButtons(card: CardModel): LinkButton[] {
  return card.buttons.filter((b): b is LinkButton => b.kind === 'link');
}

/** Where tapping the card body goes: its own url, else its first link button. */
export function cardBodyUrl(card: CardModel): string | undefined {
  return card.url ?? linkButtons(card)[0]?.url;
}

/** Button keys come back as WeCom EventKey / DingTalk actionId: two equal ones would be ambiguous. */
export function assertUniqueActionIds(card: CardModel): void {
  const ids = card.buttons.flatMap((b) => (b.kind === 'action' ? [b.actionId] : []));
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`card ${card.key}: action id "${dup}" is used by two buttons`);
}
