// message/send and message/update_template_card (docs 90236, 94945).
import { PlatformApiError } from '../platform-api-error.ts';
import type { RecipientRateLimiter } from './recipient-rate-limit.ts';
import type { WecomApi } from './wecom-api.ts';

export type WecomMessage =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'markdown'; markdown: { content: string } }
  | { msgtype: 'template_card'; template_card: Record<string, unknown> }
  | { msgtype: 'file'; file: { media_id: string } };

export interface WecomSendResult {
  msgid?: string;
  /** '|'-separated member ids WeCom does not know (not in the directory, not activated). */
  invaliduser?: string;
  invalidparty?: string;
  /** '|'-separated members without an interface licence: not sent to. */
  unlicenseduser?: string;
  /** Interactive cards only: single use, valid 72 h, for update_template_card. */
  response_code?: string;
}

const MAX_TOUSER = 1000;
const MAX_TEXT_BYTES = 2048;

/**
 * Sends one message to up to 1000 members. Text and markdown use WeCom's duplicate check
 * (4 h window), so a retry after a lost answer does not show the text twice.
 */
export async function sendWecomMessage(api: WecomApi, limiter: RecipientRateLimiter, userIds: string[], message: WecomMessage): Promise<WecomSendResult> {
  if (userIds.length === 0 || userIds.length > MAX_TOUSER) {
    throw new PlatformApiError({ platform: 'wecom', api: 'message/send', errcode: 'bad_recipients', errmsg: `接收人数量须为 1–${MAX_TOUSER}，实际 ${userIds.length}`, retryable: false });
  }
  const permit = await limiter.acquire(userIds);
  const body = {
    touser: userIds.join('|'),
    agentid: api.config.agentId,
    ...fitText(message),
    enable_duplicate_check: 1,
    duplicate_check_interval: 14_400,
  };
  try {
    return await api.call<WecomSendResult>({ api: 'message/send', method: 'POST', path: '/cgi-bin/message/send', data: body });
  } finally {
    // Also after an error: a timed-out send may still have arrived.
    await permit.sent();
  }
}

/** Re-renders a sent card for the given members, consuming one response_code. */
export async function updateWecomTemplateCard(
  api: WecomApi,
  opts: { userIds: string[]; responseCode: string } & ({ templateCard: Record<string, unknown> } | { replaceName: string }),
): Promise<void> {
  const change = 'templateCard' in opts ? { template_card: opts.templateCard } : { button: { replace_name: opts.replaceName } };
  const data = { userids: opts.userIds, agentid: api.config.agentId, response_code: opts.responseCode, ...change };
  await api.call({ api: 'message/update_template_card', method: 'POST', path: '/cgi-bin/message/update_template_card', data });
}

/** WeCom rejects text over 2048 bytes; cut at a character boundary and say so. */
function fitText(message: WecomMessage): WecomMessage {
  if (message.msgtype === 'template_card' || message.msgtype === 'file') return message;
  const content = message.msgtype === 'text' ? message.text.content : message.markdown.content;
  if (Buffer.byteLength(content) <= MAX_TEXT_BYTES) return message;
  // '…' is 3 bytes in UTF-8; a character split by the cut decodes to U+FFFD and is dropped.
  const cut = new TextDecoder().decode(Buffer.from(content).subarray(0, MAX_TEXT_BYTES - 3)).replace(/\uFFFD$/, '');
  const fitted = `${cut}…`;
  return message.msgtype === 'text' ? { msgtype: 'text', text: { content: fitted } } : { msgtype: 'markdown', markdown: { content: fitted } };
}
