// CardModel → WeCom template_card (doc 90236; update 94945). An open card with action buttons
// is a button_interaction card whose button keys are the action ids (they come back as
// EventKey with TaskId = card.key); a decided card, or one without actions, is a text_notice
// that shows who decided and when. Limits are the documented ones: texts are cut with '…',
// while too many buttons/rows or a bad task_id throw, since dropping them would hide an action.
import type { ButtonStyle, CardModel } from './card-model.ts';
import { assertAbsoluteUrl, assertAtMost, assertCardKey, truncateChars } from './card-limits.ts';
import { assertUniqueActionIds, cardBodyUrl, decisionLine, linkButtons, liveActionButtons } from './card-text.ts';

// Doc 90236 limits in characters (key in bytes). quote_text has no documented limit: it is
// capped like sub_title_text so a long citation cannot push the buttons off screen.
export const WECOM_LIMITS = {
  sourceDesc: 13, title: 36, desc: 44, subTitle: 112, quoteText: 112,
  rows: 6, rowKey: 5, rowValue: 26, jumps: 3, jumpTitle: 13, buttons: 6, buttonText: 10, buttonKeyBytes: 1024,
} as const;

// WeCom accepts style 1–4 (an unknown one falls back to 1); the palette is the client's.
const styleNumber: Record<ButtonStyle, number> = { primary: 1, default: 2, danger: 3, warning: 4 };

export interface WecomRenderOptions {
  /** The app's AgentID. template_card itself does not carry it (message/send does); accepted so the send path passes one options object. */
  agentId?: number;
  /** Zone for the decision time; BUSINESS_TZ. */
  timeZone?: string;
}

/**
 * The `template_card` of message/send, and the whole-card replacement of update_template_card.
 * @example client.send(userIds, { msgtype: 'template_card', template_card: renderWecomTemplateCard(card, { agentId }) })
 */
export function renderWecomTemplateCard(card: CardModel, opts: WecomRenderOptions = {}): Record<string, unknown> {
  assertUniqueActionIds(card);
  const actions = liveActionButtons(card);
  const links = linkButtons(card);
  const L = WECOM_LIMITS;
  const bodyUrl = cardBodyUrl(card);
  const common = {
    task_id: assertCardKey(card.key),
    source: {
      desc: truncateChars(card.tone === 'urgent' ? '社保哨兵 · 紧急' : '社保哨兵', L.sourceDesc),
      desc_color: card.tone === 'urgent' ? 2 : 0, // 2 = red: urgency without emphasis_content, which button cards lack
    },
    main_title: { title: truncateChars(card.title, L.title), ...(card.subtitle && { desc: truncateChars(card.subtitle, L.desc) }) },
    ...(card.legalBasis && { quote_area: { type: 0, quote_text: truncateChars(card.legalBasis, L.quoteText) } }),
    ...(card.decided && { sub_title_text: truncateChars(decisionLine(card.decided, opts.timeZone), L.subTitle) }),
    horizontal_content_list: rowsOf(card),
    ...(bodyUrl && { card_action: { type: 1, url: assertAbsoluteUrl(bodyUrl, `card ${card.key} url`) } }),
  };
  if (actions.length > 0) {
    assertAtMost(`card ${card.key} buttons`, actions.length + links.length, L.buttons);
    const buttons = [
      ...actions.map((b) => {
        if (Buffer.byteLength(b.actionId) > L.buttonKeyBytes) throw new Error(`card ${card.key}: button key over ${L.buttonKeyBytes} bytes`);
        return { text: truncateChars(b.text, L.buttonText), style: styleNumber[b.style], key: b.actionId };
      }),
      ...links.map((b) => ({ type: 1, text: truncateChars(b.text, L.buttonText), url: assertAbsoluteUrl(b.url, `card ${card.key} button ${b.text}`) })),
    ];
    return { card_type: 'button_interaction', ...common, button_list: buttons };
  }
  // text_notice refuses a card without card_action: say which card lacks a link.
  if (!common.card_action) throw new Error(`card ${card.key}: a WeCom text_notice needs card.url or a link button`);
  assertAtMost(`card ${card.key} links`, links.length, L.jumps);
  const jumps = links.map((b) => ({ type: 1, title: truncateChars(b.text, L.jumpTitle), url: assertAbsoluteUrl(b.url, `card ${card.key} link ${b.text}`) }));
  return { card_type: 'text_notice', ...common, ...(jumps.length > 0 && { jump_list: jumps }) };
}

function rowsOf(card: CardModel): { keyname: string; value: string }[] {
  assertAtMost(`card ${card.key} rows`, card.rows.length, WECOM_LIMITS.rows);
  return card.rows.map((r) => ({ keyname: truncateChars(r.label, WECOM_LIMITS.rowKey), value: truncateChars(r.value, WECOM_LIMITS.rowValue) }));
}
