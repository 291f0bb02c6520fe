// The file of a sandbox file message, for the sandbox chat's download link. Only the message's
// own recipient gets it (the chat is open only while no platform is configured, like dev login).
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { parseSandboxMessageBody } from './sandbox-message-body.ts';

/**
 * @example const file = await getSandboxFile(deps, { userId: 'u-zhangsan', messageId }); // → { bytes, mediaType, fileName }
 */
export async function getSandboxFile(deps: ServiceDeps, o: { userId: string; messageId: string }): Promise<{ bytes: Buffer; mediaType: string; fileName: string }> {
  const row = await deps.db.sandboxMessage.findFirst({ where: { id: o.messageId, userId: o.userId, kind: 'file' } });
  const file = row ? parseSandboxMessageBody(row.body).file : undefined;
  if (!file) throw new AppError('not_found', '找不到这条文件消息');
  return { bytes: await deps.files.get(file.sha256), mediaType: file.mediaType, fileName: file.fileName };
}
