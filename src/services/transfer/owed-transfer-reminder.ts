// One step reminder a transfer-reminders run owes: the case, the reminder, the step's row and the
// Alert key that makes it go out once (shared by the step cards and the digest).
import type { TransferReminder } from '../../domain/transfer/transfer-schedule.ts';
import type { OpenTransfer, OpenTransferStep } from './open-transfer-pages.ts';

export interface OwedTransferReminder {
  t: OpenTransfer;
  r: TransferReminder;
  row: OpenTransferStep;
  key: string;
}

/** What a run queued: reminders by kind and the cards carrying them. */
export interface TransferRemindersSent {
  due: number;
  overdue: number;
  cards: number;
}

