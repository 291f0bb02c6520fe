// HR's cards about one question, one per recipient platform, recorded as CardInstance (subject =
// the question) so the answer closes them all with who answered.
import { buildQuestionCard } from '../../../cards/question-cards.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatDateTime, formatDay } from '../../domain/dates.ts';
import { questionKindLabels, type QuestionKind } from '../../domain/questions/employee-question.ts';
import type { EmployeeQuestion, Platform } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { CardRecipient } from '../cards/card-instance-json.ts';
import { toJsonColumn } from '../cards/card-instance-json.ts';
import type { ServiceDeps } from '../deps.ts';
import type { HrRecipients } from '../cards/find-hr-recipients.ts';
import { queueGroupCopy } from '../cards/queue-group-copy.ts';
import { QUESTION_SUBJECT, questionCardKey, questionPageUrl } from './question-links.ts';

export async function queueQuestionCards(
  deps: ServiceDeps, tx: Tx,
  o: { question: EmployeeQuestion; employee: { name: string; department: string }; escalated: boolean; recipients: (platform: Platform) => CardRecipient[]; actor: Actor; availableAt?: Date;
    /** The 员工咨询 setting's group chat (HrRecipients). */
    group?: Pick<HrRecipients, 'group'> },
): Promise<number> {
  const q = o.question;
  let sent = 0;
  for (const platform of deps.chatPlatforms) {
    const recipients = o.recipients(platform);
    if (recipients.length === 0) continue;
    const card = buildQuestionCard({
      escalated: o.escalated, key: questionCardKey(q.id, o.escalated ? 'esc' : 'asked', platform), h5Url: questionPageUrl(deps.publicBaseUrl, q.id),
      facts: {
        kindLabel: questionKindLabels[q.kind as QuestionKind] ?? q.kind, employeeName: o.employee.name, department: o.employee.department,
        text: q.text, askedAt: formatDateTime(deps.businessTz, q.createdAt), dueOn: formatDay(q.dueOn)!,
      },
    });
    const userIds = recipients.map((r) => r.userId);
    await tx.cardInstance.create({ data: { cardKey: card.key, platform, type: card.type, subjectType: QUESTION_SUBJECT, subjectId: q.id, recipients: toJsonColumn(recipients), model: toJsonColumn(card) } });
    await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform, recipients: userIds, payload: { kind: 'card', card }, availableAt: o.availableAt });
    if (o.group) await queueGroupCopy(deps, tx, { recipients: o.group, platform, card, availableAt: o.availableAt });
    await writeAuditEvent(tx, o.actor, { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform, recipients: userIds } }, { type: QUESTION_SUBJECT, id: q.id });
    sent++;
  }
  return sent;
}
