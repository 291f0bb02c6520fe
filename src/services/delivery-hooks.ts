// The domain's delivery hooks, by dedupe-key prefix: what the outbox workers run when a message
// is marked SENT. Add a feature's hook here rather than teaching the outbox about it.
import type { DeliveryHook } from '../outbox/delivery-hooks.ts';
import { exitNoticeDeliveryHook } from './exits/exit-notice-delivery-hook.ts';
import { statementDeliveryHook } from './statements/statement-delivery-hook.ts';

export const deliveryHooks: readonly DeliveryHook[] = [exitNoticeDeliveryHook, statementDeliveryHook];
