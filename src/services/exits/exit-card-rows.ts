// The rows of exit cards, computed in memory from recipients already looked up: one card per
// platform that has someone to tell. queueExitCards writes them for a whole batch at once.
import type { CardModel } from '../../../cards/card-model.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { CardRecipient } from '../cards/card-instance-json.ts';
import type { ExitAudience, ExitRecipients } from './exit-recipients.ts';

/** One exit card to queue on every platform (see QueueExitCardOptions). */
export interface ExitCardSpec {
  /** 'exit_process' (chain cards), 'exit_task' (checklist cards), 'employee' (the retirement reminder, the transfer suggestion) or 'pension_transfer_step'. */
  subjectType: 'exit_process' | 'exit_task' | 'employee' | 'pension_transfer_step';
  subjectId: string;
  /** The leaver, for the audit subject. */
  employeeId: string;
  /** e.g. 'notice1', 'union', 'due'. */
  stage: string;
  audience: ExitAudience;
  build(key: string): CardModel;
}

export interface ExitCardRow {
  spec: ExitCardSpec;
  platform: Platform;
  card: CardModel;
  to: CardRecipient[];
  group: ExitRecipients['group'];
}

/** `ex-<subject uuid without dashes>-<stage>-<platform>`: valid as task_id and outTrackId. */
export function exitCardKey(subjectId: string, stage: string, platform: Platform): string {
  return `${exitCardKeyPrefix(subjectId, stage)}${platform}`;
}

/** What the keys of one stage's cards on every platform start with. */
export function exitCardKeyPrefix(subjectId: string, stage: string): string {
  return `ex-${subjectId.replaceAll('-', '')}-${stage}-`;
}

/**
 * @example exitCardRows(spec, recipients) // → [{ platform: 'wecom', card, to: [{ userId: 'hr-a', … }], group: null }]
 */
export function exitCardRows(spec: ExitCardSpec, recipients: ExitRecipients): ExitCardRow[] {
  const rows: ExitCardRow[] = [];
  for (const [platform, all] of recipients) {
    // The leaver never gets the HR card about themselves.
    const to = spec.audience.kind === 'employees' ? all : all.filter((r) => r.employeeId !== spec.employeeId);
    if (to.length === 0) continue;
    rows.push({ spec, platform, card: spec.build(exitCardKey(spec.subjectId, spec.stage, platform)), to, group: recipients.group });
  }
  return rows;
}
