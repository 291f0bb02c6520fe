// The preamble every card click shares. Only the card key, the button and the clicker come from
// the callback; the card is reloaded and checked here — its type and platform, that the clicker
// is one of its recipients, that they may act — before a service decides anything. A refusal is
// the reply the clicker reads; the card and its subject stay as they were.
import type { Actor } from '../../domain/actor.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { scopeOf, type Action } from '../../domain/permissions.ts';
import type { CardInstance } from '../../generated/prisma/client.ts';
import type { CardClick } from '../card-click.ts';
import type { ServiceDeps } from '../deps.ts';
import { parseRecipients, type CardRecipient } from './card-instance-json.ts';

export interface ClickRules {
  /** The card types this click may come from. */
  types: readonly string[];
  subjectType?: string;
  /** Who may act, and what they read when they may not. */
  permission?: { action: Action; refusal: string };
  /** Recipient check beyond the platform user id (approvals: the very employee the step names). */
  recipientMatches?: (recipient: CardRecipient, actor: Actor | undefined) => boolean;
  notFound?: string;
  notRecipient?: string;
}

export type ClickedCard =
  | { card: CardInstance & { subjectId: string }; actor: Actor; refused?: undefined }
  | { refused: { text: string } };

export const UNKNOWN_ACTION = { text: '无法识别的操作，请刷新卡片后重试' };

export async function loadClickedCard(deps: ServiceDeps, click: CardClick, rules: ClickRules): Promise<ClickedCard> {
  const card = await deps.db.cardInstance.findUnique({ where: { cardKey: click.cardKey } });
  if (!card || !rules.types.includes(card.type) || card.platform !== click.platform || !card.subjectId
    || (rules.subjectType !== undefined && card.subjectType !== rules.subjectType)) {
    return { refused: { text: rules.notFound ?? '找不到这张卡片，可能已失效' } };
  }
  const recipient = parseRecipients(card.recipients).find((r) => r.userId === click.platformUserId);
  if (!recipient || (rules.recipientMatches && !rules.recipientMatches(recipient, click.actor))) {
    return { refused: { text: rules.notRecipient ?? '你不是这张卡片的处理人' } };
  }
  const actor = click.actor;
  if (rules.permission && (!actor || !scopeOf(actor, rules.permission.action))) return { refused: { text: rules.permission.refusal } };
  if (!actor) return { refused: { text: '找不到你的员工档案，请联系人事' } };
  return { card: { ...card, subjectId: card.subjectId }, actor };
}

/** 「这张卡片已由 X 于 YYYY-MM-DD HH:mm 处理：label」, the time in BUSINESS_TZ. */
export function decidedReply(deps: ServiceDeps, card: CardInstance, label?: string, noun = '这张卡片'): { text: string } {
  const at = card.decidedAt ? formatDateTime(deps.businessTz, card.decidedAt) : '';
  return { text: `${noun}已由 ${card.decidedByName ?? '他人'} 于 ${at} 处理${label ? `：${label}` : ''}` };
}
