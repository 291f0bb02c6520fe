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
      await client.sendRobotMessage(userIds, { msgKey: 'sampleText', msgParam: { content: text } });
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
