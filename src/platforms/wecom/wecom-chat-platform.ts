// The outbox's view of WeCom. Retries must never show a member the same card twice: the
// card's key is its task_id, which WeCom accepts once per app.
import type { CardModel } from '../../../cards/card-model.ts';
import { renderWecomGroupMessage } from '../../../cards/render-group.ts';
import { renderWecomTemplateCard } from '../../../cards/render-wecom.ts';
import type { ChatPlatform, SentCard, SentMessage } from '../chat-platform.ts';
import { PlatformApiError } from '../platform-api-error.ts';
import { renderCard } from '../render-card.ts';
import { chunk } from '../split.ts';
import type { WecomClient } from './wecom-client.ts';
import type { WecomSendResult } from './wecom-messages.ts';

/**
 * 42014 "invalid task_id". The renderer checks the card key against WeCom's task_id format
 * before anything is sent, so here it can only mean "this task_id was already used": the
 * card is already in the members' chats (a retry after a lost answer or a crash).
 */
const TASK_ID_USED = '42014';

export function createWecomChatPlatform(client: WecomClient, opts: { timeZone?: string } = {}): ChatPlatform {
  const render = (card: CardModel) => renderCard('wecom', 'message/send', () => renderWecomTemplateCard(card, { agentId: client.api.config.agentId, timeZone: opts.timeZone }));
  return {
    name: 'wecom',
    async sendText(userIds, text) {
      // Duplicate check (enable_duplicate_check, 4 h) makes a retried text a no-op for WeCom.
      return sendInChunks(userIds, (users) => client.send(users, { msgtype: 'text', text: { content: text } }));
    },
    async sendCard(userIds, card): Promise<SentCard> {
      try {
        const res = await client.send(userIds, { msgtype: 'template_card', template_card: render(card) });
        // Members WeCom refused did not get the card: the outbox dead-letters each of them.
        const refused = { invalid: memberIds(res.invaliduser), unlicensed: memberIds(res.unlicenseduser) };
        const reached = userIds.filter((u) => !refused.invalid.includes(u) && !refused.unlicensed.includes(u));
        // One send → one response_code, usable once to update the card for all its members.
        const code = res.response_code;
        return { ...(code && { responseCodes: Object.fromEntries(reached.map((u) => [u, code])) }), ...refused };
      } catch (error) {
        if (error instanceof PlatformApiError && error.errcode === TASK_ID_USED) return {};
        throw error;
      }
    },
    async uploadFile(file, bytes) {
      return client.uploadMedia({ type: 'file', filename: file.fileName, content: bytes, contentType: file.mediaType });
    },
    // The outbox reuses one media_id across retries, so the duplicate check (same content within
    // 4 h) drops a repeated file message as it does a repeated text. WeCom app messages report no
    // read state: reading is proven only by the employee opening the H5 page.
    async sendFile(userIds, file) {
      return sendInChunks(userIds, (users) => client.send(users, { msgtype: 'file', file: { media_id: file.mediaId } }));
    },
    // appchat/send has no duplicate check: the outbox's journal keeps a retry from posting twice.
    async sendToGroup(chatId, card, _dedupeKey, journal) {
      const message = renderCard('wecom', 'appchat/send', () => renderWecomGroupMessage(card, { timeZone: opts.timeZone }));
      await client.sendToGroup(chatId, message, journal);
    },
    async updateCard(userIds, card, responseCodes) {
      const templateCard = render(card);
      for (const [code, users] of groupByCode(userIds, responseCodes)) {
        try {
          await client.updateTemplateCard({ userIds: users, responseCode: code, templateCard });
        } catch (error) {
          // A used or expired code cannot be retried into working (e.g. this update already ran
          // before a crash); the failed call is in OutboundCall. Busy/5xx errors are retried.
          if (error instanceof PlatformApiError && !error.retryable) continue;
          throw error;
        }
      }
    },
  };
}

/** Sends to ≤ 1000 members a call and collects whom WeCom refused (invaliduser, unlicenseduser). */
async function sendInChunks(userIds: string[], send: (users: string[]) => Promise<WecomSendResult>): Promise<SentMessage> {
  const out = { invalid: [] as string[], unlicensed: [] as string[] };
  for (const users of chunk(userIds, 1000)) {
    const res = await send(users);
    out.invalid.push(...memberIds(res.invaliduser));
    out.unlicensed.push(...memberIds(res.unlicenseduser));
  }
  return out;
}

/** WeCom lists refused members '|'-separated; absent or empty means none. */
const memberIds = (list?: string): string[] => (list ? list.split('|').filter(Boolean) : []);

/** Members who share a code were sent the card together and are updated together. */
function groupByCode(userIds: string[], codes: Record<string, string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const u of userIds) {
    const code = codes[u];
    if (code) groups.set(code, [...(groups.get(code) ?? []), u]);
  }
  return groups;
}
