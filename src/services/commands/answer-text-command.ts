// Bot commands in a 1:1 chat (docs/bot.md). The answer goes back out of band: the router acks
// the platform first, then this runs and queues cards or a text through the outbox. Anything
// not understood gets the list of commands, so nobody is left without an answer.
import type { Actor } from '../../domain/actor.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import { answerEmployeeQuery } from '../bot/answer-employee-query.ts';
import { answerMyStatement } from '../bot/answer-my-statement.ts';
import { answerQuestionText } from '../bot/answer-question-text.ts';
import { answerTodoCommand } from '../bot/answer-todo-command.ts';
import { helpText } from '../bot/help-text.ts';
import type { ServiceDeps } from '../deps.ts';

export interface TextCommand {
  platform: Platform;
  platformUserId: string;
  /** The chat delivery: the cards answered with are keyed by it, so a redelivery sends nothing twice. */
  deliveryId: string;
  text: string;
  actor: Actor | undefined;
}

/**
 * @example
 *   await answerTextCommand(deps, { platform: 'wecom', platformUserId: 'wanghr', deliveryId: 'msg-1', text: '待办', actor })
 */
export async function answerTextCommand(deps: ServiceDeps, o: TextCommand): Promise<{ text: string } | void> {
  if (!o.actor) return { text: '你的账号尚未关联员工档案，请联系人事在名册中填写你的账号。' };
  const actor = o.actor;
  const text = o.text.trim();
  if (text === '待办' || text === '我的待办') {
    await answerTodoCommand(deps, { actor, platform: o.platform, platformUserId: o.platformUserId, deliveryId: o.deliveryId });
    return;
  }
  if (text === '帮助' || text === '?' || text === '？') return { text: helpText(actor) };
  if (text === '我的社保') return answerMyStatement(deps, { actor });
  const question = await answerQuestionText(deps, { actor, text, channel: o.platform, sourceKey: `${o.platform}:${o.deliveryId}` });
  if (question) return question;
  const status = await answerEmployeeQuery(deps, { actor, platform: o.platform, platformUserId: o.platformUserId, text, deliveryId: o.deliveryId });
  if (status) return status;
  return { text: `没有听懂你的意思。${helpText(actor)}` };
}
