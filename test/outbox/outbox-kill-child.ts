// A separate process built from the real runtime pieces, killed with SIGKILL at a chosen moment:
//   before-send  commits a domain change + an outbox card, then hangs until killed (no workers);
//   after-send   also runs the workers and kills itself right after WeCom accepted the card,
//                before the outbox could mark it sent;
//   after-send-production  the same with the production retry policy and pg-boss intervals.
// Usage: node test/outbox/outbox-kill-child.ts '<json {mode, databaseUrl, env, cardKey, userIds}>'
import { parseEnv } from '../../src/config.ts';
import { createDb } from '../../src/db/client.ts';
import { createLogger } from '../../src/log.ts';
import { openOutboxBoss } from '../../src/outbox/open-outbox-boss.ts';
import { startOutboxWorkers } from '../../src/outbox/outbox-workers.ts';
import { createPgBossOutbox } from '../../src/outbox/pg-boss-outbox.ts';
import { createChatPlatforms } from '../../src/platforms/create-chat-platforms.ts';
import { testCard } from '../platforms/platform-kit.ts';

const args = JSON.parse(process.argv[2] as string) as { mode: 'before-send' | 'after-send' | 'after-send-production'; databaseUrl: string; env: Record<string, string>; cardKey: string; userIds: string[] };
const db = createDb(args.databaseUrl, 2);
const boss = await openOutboxBoss({ databaseUrl: args.databaseUrl, log: createLogger('silent'), max: 2 });
const production = args.mode === 'after-send-production';
// A job whose worker died is retried after its 5 s expiry, or with the production heartbeat.
const outbox = createPgBossOutbox({ boss, retry: production ? {} : { retryLimit: 2, retryDelay: 1, retryDelayMax: 4, expireInSeconds: 5 } });

if (args.mode !== 'before-send') {
  const platforms = createChatPlatforms(parseEnv(args.env), { db });
  const wecom = platforms.wecom!;
  platforms.wecom = {
    ...wecom,
    async sendCard(userIds, card) {
      await wecom.sendCard(userIds, card);
      process.stdout.write('ACCEPTED\n');
      process.kill(process.pid, 'SIGKILL');
      return new Promise(() => {});
    },
  };
  await startOutboxWorkers({ boss, db, platforms, log: createLogger('silent') });
}

await db.$transaction(async (tx) => {
  // The domain change this card announces (stand-in: the card's own record).
  await tx.cardInstance.create({ data: { cardKey: args.cardKey, platform: 'wecom', type: 'test.card', recipients: args.userIds, model: {} } });
  await outbox.enqueue(tx, { dedupeKey: `card:${args.cardKey}`, platform: 'wecom', recipients: args.userIds, payload: { kind: 'card', card: testCard(args.cardKey) } });
});
process.stdout.write('COMMITTED\n');
setInterval(() => {}, 60_000); // hang until killed
