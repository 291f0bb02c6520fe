// A job run's claim on its JobRun slot, kept alive by a heartbeat on the database clock (hosts'
// clocks may disagree). A slot is one run per scheduled tick or per `job run --once` day. A claim
// is taken over when its run has ended without finishing: it failed (the heartbeat was cleared)
// or its process died (the heartbeat stopped). A run that stays alive keeps its slot.
import type { Db } from '../db/client.ts';

export interface SlotLiveness {
  /** How often a running job renews its heartbeat. */
  heartbeatMs: number;
  /** An unfinished slot whose heartbeat is older than this is taken over. */
  staleAfterMs: number;
}

/** A stopped heartbeat is noticed within a minute: six renewals missed, so a slow database or a long pause does not make two runs. */
export const SLOT_LIVENESS: SlotLiveness = { heartbeatMs: 10_000, staleAfterMs: 60_000 };

export interface SlotKey {
  name: string;
  slot: string;
}

/** Claims a new slot (`asOf` as YYYY-MM-DD); false when it exists already (running, finished or abandoned). */
export async function claimSlot(db: Db, key: SlotKey, o: { asOf: string; trigger: string }): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO "JobRun" (id, name, "asOf", trigger, slot, "startedAt", "heartbeatAt")
    VALUES (gen_random_uuid(), ${key.name}, ${o.asOf}::date, ${o.trigger}, ${key.slot}, now(), now())
    ON CONFLICT (name, slot) DO NOTHING`;
  return inserted === 1;
}

/**
 * Takes over an unfinished slot whose run failed or died; `force` when the caller knows the
 * earlier attempt is over (a pg-boss retry). False when the slot's run finished or is alive.
 */
export async function takeOverSlot(db: Db, key: SlotKey, o: { staleAfterMs: number; force?: boolean }): Promise<boolean> {
  const taken = await db.$executeRaw`
    UPDATE "JobRun" SET "startedAt" = now(), "heartbeatAt" = now()
     WHERE name = ${key.name} AND slot = ${key.slot} AND "finishedAt" IS NULL
       AND (${o.force ?? false} OR "heartbeatAt" IS NULL OR "heartbeatAt" < now() - make_interval(secs => ${o.staleAfterMs / 1000}))`;
  return taken === 1;
}

/** Renews the heartbeat of a slot this process runs. */
export async function beatSlot(db: Db, key: SlotKey): Promise<void> {
  await db.$executeRaw`UPDATE "JobRun" SET "heartbeatAt" = now() WHERE name = ${key.name} AND slot = ${key.slot} AND "finishedAt" IS NULL`;
}

/** Gives up a failed run's slot at once, so a rerun need not wait for the heartbeat to go stale. */
export async function releaseSlot(db: Db, key: SlotKey): Promise<void> {
  await db.$executeRaw`UPDATE "JobRun" SET "heartbeatAt" = NULL WHERE name = ${key.name} AND slot = ${key.slot} AND "finishedAt" IS NULL`;
}
