// A notice goes to each of the employee's chat accounts as two outbox messages in the issuing
// transaction: the text with the H5 link, then the notice PDF as a file message (劳动合同法 第三十九条
// 第（二）项 requires the employee to have been told in writing; the file is the written notice
// itself). Dedupe keys are per notice, platform and message, so a rerun never sends either twice.
import type { Tx } from '../../db/client.ts';
import type { ChatChannelRecord } from '../../domain/exits/exit-step-channels.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { ServiceDeps } from '../deps.ts';

/**
 * Queues both messages for every identity and returns the ExitStep channel records for them.
 *
 * @example
 * const channels = await queueExitNoticeMessages(deps, tx, { messageKey, identities, text, documentSha256, fileName: '返岗通知书（第一次）-张三.pdf', at: now });
 */
export async function queueExitNoticeMessages(
  deps: ServiceDeps,
  tx: Tx,
  o: { messageKey: string; identities: { platform: Platform; userId: string }[]; text: string; documentSha256: string; fileName: string; at: Date },
): Promise<ChatChannelRecord[]> {
  const records: ChatChannelRecord[] = [];
  for (const i of o.identities) {
    const textKey = `${o.messageKey}:${i.platform}`;
    const fileKey = `${o.messageKey}:file:${i.platform}`;
    await deps.outbox.enqueue(tx, { dedupeKey: textKey, platform: i.platform, recipients: [i.userId], payload: { kind: 'text', text: o.text } });
    await deps.outbox.enqueue(tx, { dedupeKey: fileKey, platform: i.platform, recipients: [i.userId], payload: { kind: 'file', sha256: o.documentSha256, fileName: o.fileName, mediaType: 'application/pdf' } });
    records.push({ channel: 'chat', message: 'text', platform: i.platform, userId: i.userId, dedupeKey: textKey, at: o.at.toISOString() });
    records.push({ channel: 'chat', message: 'file', platform: i.platform, userId: i.userId, dedupeKey: fileKey, at: o.at.toISOString() });
  }
  return records;
}

/** The PDF's name in the chat: the notice title and the employee, safe on every platform. */
export function noticeFileName(title: string, employeeName: string): string {
  return `${title}-${employeeName}.pdf`.replace(/[\\/:*?"<>|\s]+/g, '');
}
