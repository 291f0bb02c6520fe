// The outbox's view of DingTalk: cards keyed by outTrackId (= card key, never created twice),
// texts through the robot.
import { renderDingtalkCardParamMap } from '../../../cards/render-dingtalk.ts';
import { renderDingtalkGroupMessage } from '../../../cards/render-group.ts';
import type { CardModel } from '../../../cards/card-model.ts';
import type { ChatPlatform, SentMessage } from '../chat-platform.ts';
import { renderCard } from '../render-card.ts';
import type { DingtalkClient } from './dingtalk-client.ts';
import type { RobotSendResult } from './dingtalk-robot.ts';

export function createDingtalkChatPlatform(client: DingtalkClient, opts: { timeZone?: string } = {}): ChatPlatform {
  const render = (card: CardModel) => renderCard('dingtalk', 'card/instances', () => renderDingtalkCardParamMap(card, { timeZone: opts.timeZone }));
  return {
    name: 'dingtalk',
    // The robot API has no idempotency key: the outbox's journal notes each batch before and
    // after the call, so a retry never repeats a text (dingtalk-robot.ts).
    async sendText(userIds, text, _dedupeKey, journal) {
      return sentMessage(await client.sendRobotMessage(userIds, { msgKey: 'sampleText', msgParam: { content: text } }, journal));
    },
    async uploadFile(file, bytes) {
      return client.uploadMedia({ filename: file.fileName, content: bytes, contentType: file.mediaType });
    },
    // Same journal as texts; the outbox also reuses the uploaded media_id.
    async sendFile(userIds, file, _dedupeKey, journal) {
      const fileType = file.fileName.includes('.') ? (file.fileName.split('.').pop() as string).toLowerCase() : 'pdf';
      return sentMessage(await client.sendRobotMessage(userIds, { msgKey: 'sampleFile', msgParam: { mediaId: file.mediaId, fileName: file.fileName, fileType } }, journal));
    },
    // Same journal as texts: the group robot API has no idempotency key either. Its key stays
    // in the journal only: readQueryKeys are for the 1:1 readStatus API, which knows no group.
    async sendToGroup(chatId, card, _dedupeKey, journal) {
      const message = renderCard('dingtalk', 'robot/groupMessages/send', () => renderDingtalkGroupMessage(card, { timeZone: opts.timeZone }));
      await client.sendGroupMessage(chatId, message, journal);
    },
    async sendCard(userIds, card) {
      await client.createAndDeliverCard({ outTrackId: card.key, userIds, cardParamMap: render(card) });
      return {};
    },
    async updateCard(_userIds, card) {
      await client.updateCard({ outTrackId: card.key, cardParamMap: render(card) });
    },
  };
}

/** A partial answer is not a full delivery: the outbox dead-letters the invalid, retries the flow-controlled. */
const sentMessage = (sent: RobotSendResult): SentMessage => ({
  readQueryKeys: sent.processQueryKeys,
  invalid: sent.invalidStaffIdList,
  flowControlled: sent.flowControlledStaffIdList,
});
