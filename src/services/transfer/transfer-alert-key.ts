// One Alert row per step and reminder kind makes each reminder go out once, whatever the reruns.
import type { TransferReminderKind } from '../../domain/transfer/transfer-schedule.ts';

export const TRANSFER_ALERT_KIND = 'pension_transfer';

/** `pension_transfer:<step row id>:<due|overdue>` */
export const transferAlertKey = (stepId: string, kind: TransferReminderKind) => `${TRANSFER_ALERT_KIND}:${stepId}:${kind}`;
