import type { Db } from '../db/client.ts';
import type { Platform, Prisma } from '../generated/prisma/client.ts';

export interface OutboundCallEntry {
  platform: Platform;
  api: string;
  ok: boolean;
  httpStatus?: number;
  errcode?: string;
  durationMs: number;
  /** Method, path, counts, errmsg: never tokens, secrets, codes or message bodies. */
  detail?: Prisma.InputJsonValue;
}

/**
 * One row per HTTP call to a platform, for the operator ("why did 张三 not get the card?").
 * Writing the log must never fail the call it describes, so errors here are swallowed.
 */
export async function recordOutboundCall(db: Db, entry: OutboundCallEntry): Promise<void> {
  try {
    await db.outboundCall.create({ data: { ...entry, errcode: entry.errcode ?? null } });
  } catch {
    // The database may be briefly unavailable; the call itself already happened.
  }
}
