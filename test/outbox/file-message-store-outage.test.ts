// A file message whose stored file cannot be read: a file that is not in the store is dead at once
// (retrying will not make it appear), but an object store that is briefly unreachable is a
// retryable failure, so the message is delivered after the outage instead of dead-lettered.
import { describe, expect, it } from 'vitest';
import { deliverFileMessage } from '../../src/outbox/deliver-file-message.ts';
import { createSandboxChatPlatform } from '../../src/platforms/sandbox/sandbox-chat-platform.ts';
import { isRetryable } from '../../src/platforms/platform-api-error.ts';
import { startTestS3Server } from '../helpers/s3-server.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const s3 = await startTestS3Server();
const files = s3.store('outbox');
const platform = createSandboxChatPlatform(t.db);
const { sha256 } = await files.put(Buffer.from('%PDF-1.7\n返岗通知书\n%%EOF'));
const payload = { kind: 'file' as const, sha256, fileName: '返岗通知书.pdf', mediaType: 'application/pdf' };
const msg = { id: '00000000-0000-4000-8000-000000000001', dedupeKey: 'file:outage', platform: 'sandbox' as const, kind: 'file', payload, recipients: ['zhangsan'], result: null };
const failureOf = (p: typeof payload) => deliverFileMessage({ db: t.db, files, now: () => new Date() }, platform, msg, p).then(() => undefined, (error: unknown) => error);

describe('file messages when the store cannot give the file', () => {
  it('is not retried when the file is missing', async () => {
    const error = await failureOf({ ...payload, sha256: 'f'.repeat(64) });
    expect(error).toMatchObject({ errcode: 'file_missing' });
    expect(isRetryable(error)).toBe(false);
  });

  it('is retried when the object store is down', async () => {
    await s3.stop();
    try {
      const error = await failureOf(payload);
      expect(error).toMatchObject({ code: 'service_unavailable' });
      expect(isRetryable(error)).toBe(true);
    } finally {
      await s3.start();
    }
  });
});
