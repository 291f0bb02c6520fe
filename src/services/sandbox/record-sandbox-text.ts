import type { ServiceDeps } from '../deps.ts';
import { requireSandboxUser } from './require-sandbox-user.ts';

/**
 * Puts what the tester typed into their chat. Keyed by the client's message id, so a double
 * submit shows one bubble, just as the router delivers it once.
 *
 * @example await recordSandboxText(deps, { userId: 'engineer', text: '你好', clientMessageId });
 */
export async function recordSandboxText(deps: ServiceDeps, opts: { userId: string; text: string; clientMessageId: string }): Promise<void> {
  await requireSandboxUser(deps, opts.userId);
  await deps.db.sandboxMessage.createMany({
    data: [{ userId: opts.userId, direction: 'in', kind: 'text', body: { text: opts.text }, dedupeKey: `sandbox-in:${opts.clientMessageId}` }],
    skipDuplicates: true,
  });
}
