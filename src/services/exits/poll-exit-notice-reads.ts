// Read state where the platform reports it. DingTalk robot 1:1 messages answer
// robot/oToMessages/readStatus per send (processQueryKey, kept on the notice's channel record when
// the outbox delivered it); the first READ for the employee records the notice as read, with
// DingTalk's time and source 'dingtalk', in an audit event that goes into the evidence ledger.
// WeCom app messages report no read state: there, only opening the H5 notice page counts.
import type { Actor } from '../../domain/actor.ts';
import { toJsonColumn } from '../../db/json-column.ts';
import { parseExitStepChannels, type ChatChannelRecord } from '../../domain/exits/exit-step-channels.ts';
import type { DingtalkClient } from '../../platforms/dingtalk/dingtalk-client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { ledgerExitEvent } from './exit-evidence.ts';
import { lockExitProcess } from './lock-exit-process.ts';

const NOTICES = ['return_notice_1', 'return_notice_2', 'termination_notice'];
/** DingTalk keeps read state for recent sends only; older unread notices are not asked again. */
const LOOKBACK_MS = 30 * 24 * 3600_000;

/**
 * @example const { read, failed } = await pollExitNoticeReads(deps, { actor: systemActor('job:exit-task-reminders') });
 */
export async function pollExitNoticeReads(deps: ServiceDeps, o: { actor: Actor }): Promise<{ read: number; failed: number }> {
  const client = deps.platformClients.dingtalk;
  if (!client) return { read: 0, failed: 0 };
  const steps = await deps.db.exitStep.findMany({
    where: { kind: { in: NOTICES }, readAt: null, sentAt: { gte: new Date(deps.now().getTime() - LOOKBACK_MS) } },
    select: { id: true, processId: true, channels: true },
  });
  let read = 0;
  let failed = 0;
  for (const step of steps) {
    const records = parseExitStepChannels(step.channels).filter((r) => r.channel === 'chat');
    for (const record of records.filter((r) => r.platform === 'dingtalk' && r.readQueryKeys?.length)) {
      const readAt = await firstRead(client, record).catch(() => {
        failed++; // the API call is in OutboundCall; the next run asks again
        return undefined;
      });
      if (readAt && (await recordRead(deps, o.actor, step.id, step.processId, record, readAt))) {
        read++;
        break;
      }
    }
  }
  return { read, failed };
}

async function firstRead(client: DingtalkClient, record: ChatChannelRecord): Promise<Date | undefined> {
  for (const key of record.readQueryKeys ?? []) {
    const mine = (await client.getRobotReadStatus(key)).find((s) => s.userId === record.userId && s.read);
    if (mine) return mine.readAt ?? new Date();
  }
  return undefined;
}

/** Under the case lock, once: a concurrent H5 open or an earlier run that already recorded it wins. */
async function recordRead(deps: ServiceDeps, actor: Actor, stepId: string, processId: string, record: ChatChannelRecord, readAt: Date): Promise<boolean> {
  return deps.db.$transaction(async (tx) => {
    const p = await lockExitProcess(tx, processId);
    const step = await tx.exitStep.findUniqueOrThrow({ where: { id: stepId } });
    if (step.readAt) return false;
    const channels = parseExitStepChannels(step.channels)
      .map((r) => (r.channel === 'chat' && r.dedupeKey === record.dedupeKey ? { ...r, readAt: readAt.toISOString(), readSource: 'dingtalk' } : r));
    await tx.exitStep.update({ where: { id: step.id }, data: { readAt, channels: toJsonColumn(channels) } });
    await writeAuditEvent(tx, actor, { type: 'exit.notice_read', data: { processId, notice: step.kind, source: 'dingtalk', platform: 'dingtalk' } }, { type: 'exit_process', id: processId });
    await ledgerExitEvent(tx, { processId, employeeId: p.employeeId, type: 'exit.notice_read', metadata: { notice: step.kind, source: 'dingtalk', message: record.message, userId: record.userId, readAt: readAt.toISOString() }, at: deps.now() });
    return true;
  });
}
