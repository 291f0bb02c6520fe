import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireSandboxUser } from './require-sandbox-user.ts';
import { parseSandboxMessageBody } from './sandbox-message-body.ts';

/**
 * A click is only possible on a card in the clicker's own chat, on a button that card has:
 * the same limits a real platform puts on its callbacks. Anything else is refused before the
 * router sees it, so nothing is recorded.
 */
export async function requireSandboxCardButton(deps: ServiceDeps, opts: { userId: string; cardKey: string; actionId: string }): Promise<void> {
  await requireSandboxUser(deps, opts.userId);
  const row = await deps.db.sandboxMessage.findFirst({
    where: { userId: opts.userId, cardKey: opts.cardKey, direction: 'out', kind: 'card' },
    select: { body: true },
  });
  if (!row) throw new AppError('not_found', `卡片「${opts.cardKey}」不在该用户的聊天里`);
  const { card } = parseSandboxMessageBody(row.body);
  const has = card?.buttons.some((b) => b.kind === 'action' && b.actionId === opts.actionId);
  if (!has) throw new AppError('bad_request', `这张卡片上没有按钮「${opts.actionId}」`);
}
