// A file message: upload the stored file as the platform's temporary media, then send it. The
// media id is kept on the outbox row before the send, so a retry (5xx, lost answer, crash) sends
// the same media again rather than uploading a second copy: on WeCom the duplicate check (4 h)
// then drops the repeat; DingTalk's robot has no idempotency key, so its sends are journaled
// (send-journal.ts).
import type { Db } from '../db/client.ts';
import type { AppError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { MEDIA_REUSE_MS, type ChatPlatform } from '../platforms/chat-platform.ts';
import { PlatformApiError } from '../platforms/platform-api-error.ts';
import type { FileStore } from '../storage/file-store.ts';
import type { OutboundPayload } from './outbox.ts';
import { parseDeliveryResult } from './outbox-message-json.ts';
import { createSendJournal } from './send-journal.ts';
import { currentRound, settleRound, type OutboxRow } from './partial-delivery.ts';
import { toJsonColumn } from '../db/json-column.ts';

type FilePayload = Extract<OutboundPayload, { kind: 'file' }>;

interface UploadedMedia { mediaId: string; uploadedAt: string }

/**
 * @example const result = await deliverFileMessage({ db, files, now }, platform, { id, dedupeKey, recipients, result: row.result }, payload);
 */
export async function deliverFileMessage(
  deps: { db: Db; files?: FileStore; now: () => Date },
  platform: ChatPlatform,
  msg: OutboxRow,
  payload: FilePayload,
): Promise<Prisma.InputJsonValue> {
  const round = currentRound(msg, deps.now());
  let media = reusableMedia(msg.result, deps.now());
  if (!media) {
    if (!deps.files) {
      throw new PlatformApiError({ platform: platform.name, api: 'outbox', errcode: 'no_file_store', errmsg: '投递进程没有文件存储，无法发送文件消息', retryable: false });
    }
    const bytes = await deps.files.get(payload.sha256).catch((error: unknown) => {
      // A file that is not in the store will not appear by retrying; an object store that is
      // briefly unreachable (503) is retried like any other failure.
      if ((error as AppError).code !== 'not_found') throw error;
      throw new PlatformApiError({ platform: platform.name, api: 'outbox', errcode: 'file_missing', errmsg: `文件存储中没有 ${payload.fileName}（${payload.sha256.slice(0, 12)}…）：${(error as Error).message}`, retryable: false });
    });
    media = { mediaId: await platform.uploadFile(payload, bytes), uploadedAt: deps.now().toISOString() };
    // Kept next to the send journal and the retry round, which a re-upload must not erase.
    const row = await deps.db.outboxMessage.findUnique({ where: { id: msg.id }, select: { result: true } });
    await deps.db.outboxMessage.updateMany({ where: { id: msg.id, status: 'PENDING' }, data: { result: toJsonColumn({ ...parseDeliveryResult(row?.result ?? null), ...media }) } });
  }
  const journal = createSendJournal(deps.db, { id: msg.id, platform: platform.name, round: round.round }, deps.now);
  const sent = await platform.sendFile(round.recipients, { ...payload, mediaId: media.mediaId }, msg.dedupeKey, journal);
  const { readQueryKeys } = await settleRound(deps.db, msg, round, sent, deps.now());
  return { recipients: msg.recipients.length, mediaId: media.mediaId, uploadedAt: media.uploadedAt, ...(readQueryKeys.length ? { readQueryKeys } : {}) };
}

/** Temporary media expires (WeCom: 3 days); an older upload is done again. */
function reusableMedia(result: unknown, now: Date): UploadedMedia | undefined {
  const r = parseDeliveryResult(result);
  if (!r?.mediaId || !r.uploadedAt) return undefined;
  return now.getTime() - Date.parse(r.uploadedAt) < MEDIA_REUSE_MS ? { mediaId: r.mediaId, uploadedAt: r.uploadedAt } : undefined;
}
