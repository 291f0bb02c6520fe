import type { SandboxChat, SandboxChatMessage } from '../../domain/views/sandbox.ts';
import type { ServiceDeps } from '../deps.ts';
import { isSandboxGroupUserId, SANDBOX_GROUP_NAME } from '../../domain/sandbox-group.ts';
import { requireSandboxUser } from './require-sandbox-user.ts';
import { parseSandboxMessageBody } from './sandbox-message-body.ts';

/** The chat window: the newest messages only, so a long-lived sandbox stays cheap to poll. */
export const SANDBOX_CHAT_WINDOW = 200;

/**
 * One user's chat, oldest first. `after` (ISO instant) returns only newer messages; cards are
 * updated in place, so a client that wants to see decisions re-reads the whole window.
 *
 * @example const chat = await listSandboxMessages(deps, { userId: 'hr-specialist' });
 */
export async function listSandboxMessages(deps: ServiceDeps, opts: { userId: string; after?: Date }): Promise<SandboxChat> {
  // A group (pseudo-user) is read-only: only its own messages, no employee behind it.
  const user = isSandboxGroupUserId(opts.userId) ? { employeeId: '', name: SANDBOX_GROUP_NAME } : await requireSandboxUser(deps, opts.userId);
  const rows = await deps.db.sandboxMessage.findMany({
    where: { userId: opts.userId, ...(opts.after && { createdAt: { gt: opts.after } }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: SANDBOX_CHAT_WINDOW,
  });
  const messages = rows.reverse().map((row): SandboxChatMessage => {
    const body = parseSandboxMessageBody(row.body);
    return {
      id: row.id,
      direction: row.direction === 'in' ? 'in' : 'out',
      kind: row.kind === 'card' ? 'card' : row.kind === 'file' && body.file ? 'file' : 'text',
      ...(row.kind === 'card' ? { card: body.card }
        : row.kind === 'file' && body.file ? { file: { fileName: body.file.fileName, mediaType: body.file.mediaType, url: `/api/v1/sandbox/messages/${row.id}/file?userId=${encodeURIComponent(row.userId)}` } }
        : { text: body.text ?? '' }),
      cardKey: row.cardKey,
      createdAt: row.createdAt.toISOString(),
    };
  });
  return { user: { userId: opts.userId, ...user }, messages };
}
