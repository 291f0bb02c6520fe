// A notice on DingTalk through the real outbox: the text and the PDF file message go out once,
// each delivery is recorded on the notice and in the case's evidence ledger, and DingTalk's robot
// read state, polled by the daily exit job, records the notice as read once.
import { afterAll, describe, expect, it } from 'vitest';
import { exitTaskReminders } from '../../src/jobs/definitions/exit-task-reminders.ts';
import { createLogger } from '../../src/log.ts';
import { deliverOutboxMessage } from '../../src/outbox/deliver-outbox-message.ts';
import { createDingtalkChatPlatform } from '../../src/platforms/dingtalk/dingtalk-chat-platform.ts';
import { createDeliveryHooks } from '../../src/services/delivery-hooks.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { getExit } from '../../src/services/exits/get-exit.ts';
import { sendExitNotice } from '../../src/services/exits/send-exit-notice.ts';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { dingtalkClientFor } from '../platforms/platform-kit.ts';
import { exitCompany } from './exits-kit.ts';

const t = await createTestDb();
const c = await exitCompany(t);
const fake = await startFakeDingtalkApiServer();
afterAll(() => fake.close());
const client = dingtalkClientFor(fake, t);
const deps: ServiceDeps = { ...c.deps, outbox: t.deps.outbox, chatPlatforms: ['dingtalk'], platformClients: { dingtalk: client } };
const delivery = { db: t.db, platforms: { dingtalk: createDingtalkChatPlatform(client) }, files: t.deps.files, now: deps.now, hooks: createDeliveryHooks({ businessTz: deps.businessTz }) };
const job = (asOf: string) => exitTaskReminders.run({ deps, asOf, log: createLogger('silent') });

describe('exit notice on DingTalk', () => {
  it('delivers the text and the PDF once, records both deliveries, and records the read DingTalk reports once', async () => {
    const { employee, absenceCaseId } = await c.absentEmployee('钱七');
    await t.db.platformIdentity.create({ data: { platform: 'dingtalk', userId: 'ding-qq', employeeId: employee.id } });
    const { exitProcessId: id } = await c.start(employee.id, absenceCaseId);
    const sent = await sendExitNotice(deps, { processId: id, actor: c.hr.actor });

    const rows = await t.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `exit-notice:${id}:` } }, orderBy: { dedupeKey: 'asc' } });
    expect(rows.map((r) => [r.dedupeKey, r.kind])).toEqual([
      [`exit-notice:${id}:return_notice_1:dingtalk`, 'text'],
      [`exit-notice:${id}:return_notice_1:file:dingtalk`, 'file'],
    ]);
    for (const r of rows) expect(await deliverOutboxMessage(delivery, r.id)).toBe('sent');
    for (const r of rows) expect(await deliverOutboxMessage(delivery, r.id)).toBe('already-done');

    const mine = fake.robotMessages.filter((m) => m.userId === 'ding-qq');
    expect(mine.map((m) => m.msgKey)).toEqual(['sampleText', 'sampleFile']);
    const upload = fake.uploads.at(-1);
    expect(Buffer.compare(upload?.bytes ?? Buffer.alloc(0), await t.deps.files.get(sent.documentSha256))).toBe(0);
    expect(mine[1]?.msgParam).toEqual({ mediaId: upload?.mediaId, fileName: '第一次返岗通知书-钱七.pdf', fileType: 'pdf' });

    const step = await t.db.exitStep.findFirstOrThrow({ where: { processId: id, kind: 'return_notice_1' } });
    expect(step.channels).toEqual([
      expect.objectContaining({ message: 'text', deliveredAt: expect.any(String), readQueryKeys: [mine[0]?.processQueryKey] }),
      expect.objectContaining({ message: 'file', deliveredAt: expect.any(String), mediaId: upload?.mediaId, readQueryKeys: [mine[1]?.processQueryKey] }),
    ]);
    // The first accepted message is the delivery: the deadline runs from that day (11-02 + 3).
    expect(step.deliveredVia).toBe('chat');
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id } })).deadline?.toISOString().slice(0, 10)).toBe('2026-11-05');
    const delivered = await t.db.evidenceEntry.findMany({ where: { subjectId: id, type: 'exit.notice_delivered' } });
    expect(delivered.map((e) => (e.metadata as { message: string }).message)).toEqual(['text', 'file']);
    expect(await t.db.auditEvent.count({ where: { type: 'exit.notice_delivered', data: { path: ['processId'], equals: id } } })).toBe(2);

    // Not read yet: nothing recorded. Then the employee opens the PDF in DingTalk.
    expect(await job('2026-11-02')).toContain('notices read (DingTalk) 0');
    expect(step.readAt).toBeNull();
    const readTs = Date.parse('2026-11-02T03:15:00Z');
    fake.markRead(mine[1]?.processQueryKey as string, 'ding-qq', readTs);
    expect(await job('2026-11-02')).toContain('notices read (DingTalk) 1');
    expect(await job('2026-11-03')).toContain('notices read (DingTalk) 0');

    const read = await t.db.exitStep.findFirstOrThrow({ where: { id: step.id } });
    expect(read.readAt?.getTime()).toBe(readTs);
    expect((read.channels as { message: string; readSource?: string }[]).find((r) => r.message === 'file')?.readSource).toBe('dingtalk');
    const reads = await t.db.evidenceEntry.findMany({ where: { subjectId: id, type: 'exit.notice_read' } });
    expect(reads).toHaveLength(1);
    expect(reads[0]?.metadata).toMatchObject({ notice: 'return_notice_1', source: 'dingtalk', message: 'file' });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'exit.notice_read', data: { path: ['processId'], equals: id } } });
    expect(audit.data).toMatchObject({ source: 'dingtalk', platform: 'dingtalk' });

    const view = await getExit(deps, { id, actor: c.hr.actor });
    expect(JSON.stringify(view)).toContain('PDF');
  });
});
