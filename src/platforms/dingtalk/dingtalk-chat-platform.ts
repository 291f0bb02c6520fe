// The outbox's view of DingTalk: cards keyed by outTrackId (= card key, never created twice),
// texts through the robot.
import { renderDingtalkCardParamMap } from '../../../cards/render-dingtalk.ts';
import type { CardModel } from '../../../cards/card-model.ts';
import type { ChatPlatform } from '../chat-platform.ts';
import { renderCard } from '../render-card.ts';
import type { DingtalkClient } from './dingtalk-client.ts';

export function createDingtalkChatPlatform(client: DingtalkClient, opts: { timeZone?: string } = {}): ChatPlatform {
  const render = (card: CardModel) => renderCard('dingtalk', 'card/instances', () => renderDingtalkCardParamMap(card, { timeZone: opts.timeZone }));
  return {
    name: 'dingtalk',
    // The robot API has no idempotency key: a crash between DingTalk's answer and the outbox
    // marking the message sent can repeat a text (never a card).
    async sendText(userIds, text) {
      const sent = await client.sendRobotMessage(userIds, { msgKey: 'sampleText', msgParam: { content: text } });
      return { readQueryKeys: sent.processQueryKeys };
    },
    async uploadFile(file, bytes) {
      return client.uploadMedia({ filename: file.fileName, content: bytes, contentType: file.mediaType });
    },
    // Same limit as texts: the outbox reuses the uploaded media_id, but a crash between DingTalk's
    // answer and the outbox marking the message sent can still repeat the file message.
    async sendFile(userIds, file) {
      const fileType = file.fileName.includes('.') ? (file.fileName.split('.').pop() as string).toLowerCase() : 'pdf';
      const sent = await client.sendRobotMessage(userIds, { msgKey: 'sampleFile', msgParam: { mediaId: file.mediaId, fileName: file.fileName, fileType } });
      return { readQueryKeys: sent.processQueryKeys };
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
