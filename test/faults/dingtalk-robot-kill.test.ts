// SIGKILL after DingTalk accepted a robot text, before the process recorded its processQueryKey:
// the next process does not send it again (DingTalk offers no way to check), and the message
// waits in the dead letters as "outcome unknown" for HR. Each member got the text once.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { OUTCOME_UNKNOWN } from '../../src/outbox/send-journal.ts';
import { createDingtalkChatPlatform } from '../../src/platforms/dingtalk/dingtalk-chat-platform.ts';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { sleep, startWorkers, waitFor } from '../outbox/outbox-kit.ts';
import { dingtalkClientFor } from '../platforms/platform-kit.ts';

const t = await createTestDb();
const fake = await startFakeDingtalkApiServer();
afterAll(() => fake.close());
const child = fileURLToPath(new URL('./dingtalk-kill-child.ts', import.meta.url));
const env = { DINGTALK_CLIENT_ID: fake.clientId, DINGTALK_CLIENT_SECRET: fake.clientSecret, DINGTALK_ROBOT_CODE: fake.robotCode, DINGTALK_CARD_TEMPLATE_ID: fake.cardTemplateId, DINGTALK_API_BASE: fake.url, DINGTALK_OAPI_BASE: fake.url };

describe('a process killed after DingTalk accepted a robot text', () => {
  it('is not resent by the next process; HR finds it as outcome unknown', async () => {
    const text = '请于本周五前提交离职交接清单';
    const proc = spawn(process.execPath, [child, JSON.stringify({ databaseUrl: t.url, env, dedupeKey: 'kill-robot', userIds: ['k1', 'k2'], text })], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    const signal = await new Promise((ok) => proc.once('exit', (_code, sig) => ok(sig)));
    expect(signal, out).toBe('SIGKILL');
    expect(out).toContain('ACCEPTED');

    await startWorkers(t, { dingtalk: createDingtalkChatPlatform(dingtalkClientFor(fake, t)) });
    const dead = await waitFor('dead as outcome unknown', async () => {
      const row = await t.db.outboxMessage.findUnique({ where: { dedupeKey: 'kill-robot' } });
      return row?.status === 'DEAD' ? row : undefined;
    }, 40_000);
    await sleep(1000);
    expect(dead.lastError).toContain(OUTCOME_UNKNOWN);
    for (const u of ['k1', 'k2']) expect(fake.robotMessages.filter((m) => m.userId === u && (m.msgParam as { content: string }).content === text)).toHaveLength(1);
  }, 60_000);
});
