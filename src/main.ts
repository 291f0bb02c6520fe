// Composition root of the server: the only place that wires real dependencies together.
import { createApp } from './app.ts';
import { ConfigError, parseEnv, readProcessEnv } from './config.ts';
import { checkReadiness } from './db/readiness.ts';
import { jobRegistry } from './jobs/registry.ts';
import { startScheduler, type Scheduler } from './jobs/scheduler.ts';
import { createLogger } from './log.ts';
import { loadManifest } from './manifest.ts';
import { startOutboxWorkers } from './outbox/outbox-workers.ts';
import { createDeliveryHooks } from './services/delivery-hooks.ts';
import { createChatPlatforms } from './platforms/create-chat-platforms.ts';
import { wireChat } from './server/chat-wiring.ts';
import { migrationsDir, openRuntime, policiesDir, projectRoot } from './runtime.ts';
import { seedPolicyLibrary } from './services/policies/seed-policy-library.ts';
import { seedOnFirstStart } from './services/demo/seed-on-first-start.ts';
import { platformSetupLines } from './server/platform-setup.ts';
import { printStartupBanner } from './server/startup-banner.ts';
import { forgetServerAddress, recordServerAddress } from './server/server-address-file.ts';

export async function main(): Promise<void> {
  let env;
  try {
    env = parseEnv(readProcessEnv());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const log = createLogger(env.LOG_LEVEL);
  const runtime = await openRuntime(env, log).catch((error: unknown) => {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
  const seed = await seedOnFirstStart(runtime.deps);
  const seededCities = await seedPolicyLibrary(runtime.deps, { dir: policiesDir });
  if (seededCities.length > 0) log.info({ cities: seededCities }, 'seeded the city policy library');
  const h5Dir = `${projectRoot}dist/h5`;
  const manifest = loadManifest(`${projectRoot}app.json`);
  const chat = wireChat(runtime.deps, env, log, h5Dir);
  const app = createApp({
    services: runtime.deps,
    env,
    adminToken: runtime.secrets.adminToken,
    log,
    manifest,
    h5Dir,
    readiness: () => checkReadiness(runtime.db, migrationsDir),
    platformStates: chat.platformStates,
    platformClients: runtime.deps.platformClients,
    sandboxReceiver: chat.sandboxReceiver,
    routers: chat.routers,
  });
  const server = app.listen(env.PORT, env.HOST);
  await new Promise<void>((ok, fail) => server.once('listening', ok).once('error', fail));
  recordServerAddress(env.DATA_DIR, env.PUBLIC_BASE_URL);
  const outboxWorkers = await startOutboxWorkers({ boss: runtime.boss, db: runtime.db, platforms: createChatPlatforms(env, { db: runtime.db, clients: runtime.deps.platformClients }), files: runtime.deps.files, hooks: createDeliveryHooks({ businessTz: runtime.deps.businessTz }), log });
  const scheduler: Scheduler | undefined = env.SCHEDULER === 'on' ? await startScheduler(runtime.deps, jobRegistry, runtime.boss, log) : undefined;
  printStartupBanner(process.stdout, { env, secrets: runtime.secrets, seed, embedded: runtime.embedded, setup: platformSetupLines(manifest, env) });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    try {
      forgetServerAddress(env.DATA_DIR);
      await scheduler?.stop();
      await chat.stop();
      await outboxWorkers.stop();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      // Callbacks acked before the close are still being handled out of band: let them finish.
      await chat.botRouter.drain();
      await runtime.close();
    } catch (error) {
      // The database watchdog stops an embedded PostgreSQL we could not stop ourselves.
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    log.info({ signal }, 'stopped cleanly: requests finished, outbox and database stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
