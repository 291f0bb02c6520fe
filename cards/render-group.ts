// A card as a group chat message. Neither platform takes an interactive card in a group the app
// posts to (WeCom appchat/send has no template_card; a DingTalk group robot message has no
// callback), and a decision belongs to the people the card names anyway: the group gets the
// card's content and a 详情 link to the H5 page, where whoever acts signs in as themselves.
import type { CardModel } from './card-model.ts';
import { assertAbsoluteUrl, truncateBytes } from './card-limits.ts';
import { cardBodyUrl, DEFAULT_CARD_TZ, decisionLine } from './card-text.ts';

/** WeCom textcard: title ≤ 128 bytes, description ≤ 512 bytes; markdown ≤ 2048 bytes. */
export const GROUP_LIMITS = { wecomTitleBytes: 128, wecomDescriptionBytes: 512, markdownBytes: 2048 } as const;

export const GROUP_LINK_TEXT = '详情';

export type WecomGroupMessage =
  | { msgtype: 'textcard'; textcard: { title: string; description: string; url: string; btntxt: string } }
  | { msgtype: 'markdown'; markdown: { content: string } };

export type DingtalkGroupMessage =
  | { msgKey: 'sampleActionCard'; msgParam: { title: string; text: string; singleTitle: string; singleURL: string } }
  | { msgKey: 'sampleMarkdown'; msgParam: { title: string; text: string } };

/** The lines every group message shows under its title: subtitle, rows, legal basis, decision. */
function contentLines(card: CardModel, timeZone: string): string[] {
  return [
    ...(card.subtitle ? [card.subtitle] : []),
    ...card.rows.map((r) => `${r.label}：${r.value}`),
    ...(card.legalBasis ? [card.legalBasis] : []),
    ...(card.decided ? [decisionLine(card.decided, timeZone)] : []),
  ];
}

const titleOf = (card: CardModel) => (card.tone === 'urgent' ? `【紧急】${card.title}` : card.title);

const urlOf = (card: CardModel) => {
  const url = cardBodyUrl(card);
  return url ? assertAbsoluteUrl(url, `card ${card.key} url`) : undefined;
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** @example renderWecomGroupMessage(card) // → body of appchat/send without chatid */
export function renderWecomGroupMessage(card: CardModel, opts: { timeZone?: string } = {}): WecomGroupMessage {
  const timeZone = opts.timeZone ?? DEFAULT_CARD_TZ;
  const lines = contentLines(card, timeZone);
  const url = urlOf(card);
  if (!url) {
    const content = [`**${titleOf(card)}**`, ...lines.map((l) => `> ${l}`)].join('\n');
    return { msgtype: 'markdown', markdown: { content: truncateBytes(content, GROUP_LIMITS.markdownBytes) } };
  }
  // textcard descriptions take <div class="gray|highlight|normal">: an urgent card's first line is highlighted.
  const div = (l: string, i: number) => `<div class="${i === 0 && card.tone === 'urgent' ? 'highlight' : 'normal'}">${escapeHtml(l)}</div>`;
  const divs = contentLines({ ...card, legalBasis: undefined, decided: undefined }, timeZone).map(div);
  const tail = [...(card.legalBasis ? [`<div class="gray">${escapeHtml(card.legalBasis)}</div>`] : []), ...(card.decided ? [div(decisionLine(card.decided, timeZone), 1)] : [])];
  return {
    msgtype: 'textcard',
    textcard: {
      title: truncateBytes(titleOf(card), GROUP_LIMITS.wecomTitleBytes),
      description: fitDivs(divs, tail),
      url,
      btntxt: GROUP_LINK_TEXT,
    },
  };
}

/**
 * Cutting inside a tag would break it: drop whole rows from the end until it fits. The tail (the
 * legal basis, the decision) is always kept: a legal rule shown to HR cites its article.
 */
function fitDivs(rows: string[], tail: string[]): string {
  const fits = (parts: string[]) => Buffer.byteLength(parts.join('')) <= GROUP_LIMITS.wecomDescriptionBytes;
  if (fits([...rows, ...tail])) return [...rows, ...tail].join('');
  const kept = [...rows];
  const more = '<div class="gray">……更多内容请点详情</div>';
  while (kept.length > 0 && !fits([...kept, more, ...tail])) kept.pop();
  return truncateBytes([...kept, more, ...tail].join(''), GROUP_LIMITS.wecomDescriptionBytes);
}

/** @example renderDingtalkGroupMessage(card) // → msgKey + msgParam of robot/groupMessages/send */
export function renderDingtalkGroupMessage(card: CardModel, opts: { timeZone?: string } = {}): DingtalkGroupMessage {
  const title = titleOf(card);
  const text = truncateBytes([`### ${title}`, ...contentLines(card, opts.timeZone ?? DEFAULT_CARD_TZ).map((l) => `- ${l}`)].join('\n'), GROUP_LIMITS.markdownBytes);
  const url = urlOf(card);
  return url
    ? { msgKey: 'sampleActionCard', msgParam: { title, text, singleTitle: GROUP_LINK_TEXT, singleURL: url } }
    : { msgKey: 'sampleMarkdown', msgParam: { title, text } };
}
