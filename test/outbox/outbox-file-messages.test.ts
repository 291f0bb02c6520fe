// File messages through the outbox: the stored file is uploaded as temporary media (multipart,
// the exact bytes) and sent as a file message, once, on WeCom, DingTalk and the sandbox.
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { deliverOutboxMessage } from '../../src/outbox/deliver-outbox-message.ts';
import { startOutboxWorkers } from '../../src/outbox/outbox-workers.ts';
import { createDingtalkChatPlatform } from '../../src/platforms/dingtalk/dingtalk-chat-platform.ts';
import { createSandboxChatPlatform } from '../../src/platforms/sandbox/sandbox-chat-platform.ts';
import { createWecomChatPlatform } from '../../src/platforms/wecom/wecom-chat-platform.ts';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { dingtalkClientFor, wecomClientFor } from '../platforms/platform-kit.ts';
import { enqueueCommitted, QUICK_RETRY, waitFor } from './outbox-kit.ts';

const t = await createTestDb({ retry: QUICK_RETRY });
const wecomFake = await startFakeWecomServer();
const dingFake = await startFakeDingtalkApiServer();
afterAll(() => Promise.all([wecomFake.close(), dingFake.close()]));
const platforms = {
  wecom: createWecomChatPlatform(wecomClientFor(wecomFake, t)),
  dingtalk: createDingtalkChatPlatform(dingtalkClientFor(dingFake, t)),
  sandbox: createSandboxChatPlatform(t.db),
};
const workers = await startOutboxWorkers({ boss: await t.boss(), db: t.db, platforms, files: t.deps.files, log: createLogger('silent') });
afterAll(() => workers.stop());

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 0x0d, 0x0a]), Buffer.from('返岗通知书\n%%EOF')]);
const { sha256 } = await t.deps.files.put(pdf);
const file = { kind: 'file' as const, sha256, fileName: '返岗通知书（第一次）.pdf', mediaType: 'application/pdf' };
const rowOf = (dedupeKey: string) => t.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey } });
const sent = (dedupeKey: string) => waitFor(`${dedupeKey} sent`, async () => (await rowOf(dedupeKey)).status === 'SENT');

describe('WeCom', () => {
  it('uploads the stored bytes as multipart media and sends them as a file message', async () => {
    await enqueueCommitted(t, { dedupeKey: 'file:wecom:1', platform: 'wecom', recipients: ['zhangsan'], payload: file });
    await sent('file:wecom:1');
    const upload = wecomFake.uploads.at(-1);
    expect(upload).toMatchObject({ type: 'file', fileName: file.fileName, contentType: 'application/pdf' });
    expect(Buffer.compare(upload?.bytes ?? Buffer.alloc(0), pdf)).toBe(0);
    expect(wecomFake.deliveredTo('zhangsan')).toEqual([expect.objectContaining({ msgtype: 'file', message: { media_id: upload?.mediaId } })]);
    expect((await rowOf('file:wecom:1')).result).toMatchObject({ mediaId: upload?.mediaId });
    // Only the hash travels in the job, never the bytes.
    expect(JSON.stringify((await rowOf('file:wecom:1')).payload)).not.toContain('PDF');
  });

  it('retries a 5xx on the send with the same media: one upload, one file in the chat', async () => {
    const uploadsBefore = wecomFake.uploads.length;
    wecomFake.failNext(1, '5xx', '/cgi-bin/message/send');
    await enqueueCommitted(t, { dedupeKey: 'file:wecom:2', platform: 'wecom', recipients: ['lisi'], payload: file });
    await sent('file:wecom:2');
    expect(wecomFake.uploads.length).toBe(uploadsBefore + 1);
    expect(wecomFake.requestsTo('/cgi-bin/message/send').filter((r) => (r.body as { touser: string }).touser === 'lisi')).toHaveLength(2);
    expect(wecomFake.deliveredTo('lisi')).toHaveLength(1);
    expect(await rowOf('file:wecom:2')).toMatchObject({ attempts: 2, lastError: null });
  });

  it('a delivery repeated after a crash (sent but not marked) neither uploads again nor shows the file twice', async () => {
    const row = await rowOf('file:wecom:1');
    const uploadsBefore = wecomFake.uploads.length;
    await t.db.outboxMessage.update({ where: { id: row.id }, data: { status: 'PENDING', sentAt: null } });
    expect(await deliverOutboxMessage({ db: t.db, platforms, files: t.deps.files, now: () => new Date() }, row.id)).toBe('sent');
    expect(wecomFake.uploads.length).toBe(uploadsBefore);
    expect(wecomFake.deliveredTo('zhangsan')).toHaveLength(1);
  });

  it('marks a file message dead at once when the stored file is missing', async () => {
    await enqueueCommitted(t, { dedupeKey: 'file:wecom:missing', platform: 'wecom', recipients: ['wangwu'], payload: { ...file, sha256: 'f'.repeat(64) } });
    await waitFor('dead', async () => (await rowOf('file:wecom:missing')).status === 'DEAD');
    expect(wecomFake.deliveredTo('wangwu')).toHaveLength(0);
  });
});

describe('DingTalk', () => {
  it('uploads on the old host and sends a sampleFile robot message with the media id', async () => {
    await enqueueCommitted(t, { dedupeKey: 'file:ding:1', platform: 'dingtalk', recipients: ['manager9'], payload: file });
    await sent('file:ding:1');
    const upload = dingFake.uploads.at(-1);
    expect(upload).toMatchObject({ type: 'file', fileName: file.fileName, contentType: 'application/pdf' });
    expect(Buffer.compare(upload?.bytes ?? Buffer.alloc(0), pdf)).toBe(0);
    expect(dingFake.robotMessages.filter((m) => m.userId === 'manager9')).toEqual([
      expect.objectContaining({ msgKey: 'sampleFile', msgParam: { mediaId: upload?.mediaId, fileName: file.fileName, fileType: 'pdf' } }),
    ]);
  });

  it('retries a 5xx on batchSend without uploading again', async () => {
    const uploadsBefore = dingFake.uploads.length;
    dingFake.failNext(1, '5xx', '/v1.0/robot/oToMessages/batchSend');
    await enqueueCommitted(t, { dedupeKey: 'file:ding:2', platform: 'dingtalk', recipients: ['manager8'], payload: file });
    await sent('file:ding:2');
    expect(dingFake.uploads.length).toBe(uploadsBefore + 1);
    expect(dingFake.robotMessages.filter((m) => m.userId === 'manager8')).toHaveLength(1);
  });
});

describe('sandbox', () => {
  it('shows the file in the chat once, however often it is delivered', async () => {
    await enqueueCommitted(t, { dedupeKey: 'file:sandbox:1', platform: 'sandbox', recipients: ['sb-user'], payload: file });
    await sent('file:sandbox:1');
    const row = await rowOf('file:sandbox:1');
    await t.db.outboxMessage.update({ where: { id: row.id }, data: { status: 'PENDING' } });
    await deliverOutboxMessage({ db: t.db, platforms, files: t.deps.files, now: () => new Date() }, row.id);
    const messages = await t.db.sandboxMessage.findMany({ where: { userId: 'sb-user' } });
    expect(messages).toEqual([expect.objectContaining({ kind: 'file', body: { file: { sha256, fileName: file.fileName, mediaType: 'application/pdf' } } })]);
  });
});
