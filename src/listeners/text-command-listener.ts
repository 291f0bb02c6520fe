import type { Listener } from '../bot/listener.ts';
import { answerTextCommand } from '../services/commands/answer-text-command.ts';

/** Text typed to the app in a 1:1 chat (WeCom message, DingTalk robot, sandbox). */
export const textCommandListener: Listener = {
  route: 'message.text',
  async handle({ event, actor, deps }) {
    if (event.kind !== 'message.text') return;
    return answerTextCommand(deps, { platform: event.platform, platformUserId: event.operatorUserId, deliveryId: event.deliveryId, text: event.text, actor });
  },
};
