// 「咨询 …」, 「投诉 …」 or a question about 社保 typed to the bot: stored as the employee's question,
// HR gets the card, and the employee reads when to expect the answer.
import type { Actor } from '../../domain/actor.ts';
import { parseQuestionText, questionKindLabels } from '../../domain/questions/employee-question.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { askQuestion } from '../questions/ask-question.ts';

/** Undefined when the text is not a question, so the caller tries the other commands. */
/** `sourceKey` names the chat delivery ('platform:deliveryId'), so handling it again stores the question once. */
export async function answerQuestionText(deps: ServiceDeps, o: { actor: Actor; text: string; channel: string; sourceKey: string }): Promise<{ text: string } | undefined> {
  const parsed = parseQuestionText(o.text);
  if (!parsed) return undefined;
  if (parsed.text.length === 0) return { text: `请在「${parsed.kind === 'COMPLAINT' ? '投诉' : '咨询'}」后面写下内容，例如「咨询 我的社保怎么没交？」` };
  try {
    const { dueOn } = await askQuestion(deps, { actor: o.actor, kind: parsed.kind, text: parsed.text, channel: o.channel, sourceKey: o.sourceKey });
    return { text: `已收到你的${questionKindLabels[parsed.kind]}，人事会在 ${dueOn} 前答复你，答复会发到这里。` };
  } catch (error) {
    // Too long, or no employee record: the message is written for the person.
    if (error instanceof AppError) return { text: error.message };
    throw error;
  }
}
