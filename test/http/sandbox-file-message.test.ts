// A file message in the sandbox chat: listed with its name and a download link that serves the
// stored bytes to its recipient only, and not at all once a chat platform is configured.
import { describe, expect, it } from 'vitest';
import { createSandboxChatPlatform } from '../../src/platforms/sandbox/sandbox-chat-platform.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const { request } = createTestApp(t);
const sandbox = createSandboxChatPlatform(t.db);
await makeEmployee(t.deps, { name: '孙八', identities: { sandbox: 'u-sunba' } });
await makeEmployee(t.deps, { name: '周九', identities: { sandbox: 'u-zhoujiu' } });
const pdf = Buffer.from('%PDF-1.7\n第一次返岗通知书\n%%EOF');
const { sha256 } = await t.deps.files.put(pdf);
const file = { sha256, fileName: '第一次返岗通知书-孙八.pdf', mediaType: 'application/pdf', mediaId: sha256 };
await sandbox.sendFile(['u-sunba'], file, 'exit-notice:x:return_notice_1:file:sandbox');
await sandbox.sendFile(['u-sunba'], file, 'exit-notice:x:return_notice_1:file:sandbox');

describe('sandbox file message', () => {
  it('is listed once with its name and a link that downloads the stored bytes', async () => {
    const chat = await request.get('/api/v1/sandbox/messages').query({ userId: 'u-sunba' });
    expect(chat.status).toBe(200);
    expect(chat.body.messages).toHaveLength(1);
    const m = chat.body.messages[0] as { kind: string; file: { fileName: string; url: string } };
    expect(m).toMatchObject({ kind: 'file', direction: 'out', file: { fileName: file.fileName, mediaType: 'application/pdf' } });
    const res = await request.get(m.file.url).query({ download: '1' }).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    expect(Buffer.compare(res.body as Buffer, pdf)).toBe(0);
  });

  it("refuses another user's, a forged or a malformed message id", async () => {
    const id = (await t.db.sandboxMessage.findFirstOrThrow({ where: { userId: 'u-sunba', kind: 'file' } })).id;
    expect((await request.get(`/api/v1/sandbox/messages/${id}/file`).query({ userId: 'u-zhoujiu' })).status).toBe(404);
    expect((await request.get(`/api/v1/sandbox/messages/${crypto.randomUUID()}/file`).query({ userId: 'u-sunba' })).status).toBe(404);
    const bad = await request.get('/api/v1/sandbox/messages/not-a-uuid/file').query({ userId: 'u-sunba' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect((await request.get(`/api/v1/sandbox/messages/${id}/file`)).status).toBe(400);
  });

  it('is closed once a chat platform is configured', async () => {
    const id = (await t.db.sandboxMessage.findFirstOrThrow({ where: { userId: 'u-sunba', kind: 'file' } })).id;
    const closed = createTestApp(t, { DINGTALK_CLIENT_ID: 'ding-test', DINGTALK_CLIENT_SECRET: 'secret-test' }).request;
    const res = await closed.get(`/api/v1/sandbox/messages/${id}/file`).query({ userId: 'u-sunba' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('沙箱聊天已关闭');
  });
});
