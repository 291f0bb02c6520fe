// The domain's delivery hooks, by dedupe-key prefix: what the outbox workers run when a message
// is marked SENT. Add a feature's hook here rather than teaching the outbox about it.
import type { DeliveryHook } from '../outbox/on-delivered.ts';
import { createExitNoticeDeliveryHook } from './exits/exit-notice-delivery-hook.ts';
import { statementDeliveryHook } from './statements/statement-delivery-hook.ts';

/**
 * Delivery days are days in BUSINESS_TZ (an exit notice's deadline runs from its delivery day).
 *
 * @example startOutboxWorkers({ …, hooks: createDeliveryHooks({ businessTz: config.businessTz }) });
 */
export function createDeliveryHooks(o: { businessTz: string }): readonly DeliveryHook[] {
  return [createExitNoticeDeliveryHook(o), statementDeliveryHook];
}
