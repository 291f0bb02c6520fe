// A process that commits a DingTalk robot text to the outbox and delivers it, killing itself with
// SIGKILL right after DingTalk accepted the batch: the journal says "begun", nothing says "sent".
// Usage: node test/faults/dingtalk-kill-child.ts '<json {databaseUrl, env, dedupeKey, userIds, text}>'
import { parseEnv } from '../../src/config.ts';
import { createDb } from '../../src/db/client.ts';
import { createLogger } from '../../src/log.ts';
import { openOutboxBoss } from '../../src/outbox/open-outbox-boss.ts';
import { startOutboxWorkers } from '../../src/outbox/outbox-workers.ts';
import { createPgBossOutbox } from '../../src/outbox/pg-boss-outbox.ts';
import { createDingtalkChatPlatform } from '../../src/platforms/dingtalk/dingtalk-chat-platform.ts';
import { createPlatformClients } from '../../src/platforms/create-chat-platforms.ts';

const args = JSON.parse(process.argv[2] as string) as { databaseUrl: string; env: Record<string, string>; dedupeKey: string; userIds: string[]; text: string };
const db = createDb(args.databaseUrl, 2);
const boss = await openOutboxBoss({ databaseUrl: args.databaseUrl, log: createLogger('silent'), max: 2 });
const outbox = createPgBossOutbox({ boss, retry: { retryLimit: 2, retryDelay: 1, retryDelayMax: 4, expireInSeconds: 5 } });
const client = createPlatformClients(parseEnv(args.env), { db }).dingtalk!;
const robot = client.sendRobotMessage;
client.sendRobotMessage = async (userIds, message, journal) => {
  // DingTalk accepts and answers; the process dies before the journal can note the key.
  await robot(userIds, message, journal && { ...journal, sent: async () => undefined });
  process.stdout.write('ACCEPTED\n');
  process.kill(process.pid, 'SIGKILL');
  return new Promise(() => {});
};
await startOutboxWorkers({ boss, db, platforms: { dingtalk: createDingtalkChatPlatform(client) }, log: createLogger('silent') });
await db.$transaction((tx) => outbox.enqueue(tx, { dedupeKey: args.dedupeKey, platform: 'dingtalk', recipients: args.userIds, payload: { kind: 'text', text: args.text } }));
setInterval(() => {}, 60_000); // hang until killed
