import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Interactive transactions get 30 s instead of Prisma's 5 s: some render a PDF (notices,
 * certificates, signed declarations) inside the transaction that ledgers and sends it, and a
 * busy machine must slow that down, not roll it back.
 */
const TRANSACTION_OPTIONS = { timeout: 30_000, maxWait: 10_000 };

const pools = new WeakMap<Db, pg.Pool>();

/** One client per process, created by the composition root and passed down. */
export function createDb(url: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that PostgreSQL drops (a restart, a failover) makes the pool emit 'error';
  // with no listener that would end the process. The pool replaces the connection on next use,
  // and Prisma attaches its own listener only once it first connects: the delivery recorder may
  // use the pool before that.
  pool.on('error', () => {});
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions: TRANSACTION_OPTIONS });
  pools.set(db, pool);
  return db;
}

/**
 * The pg pool under `db` (the same connections Prisma uses), for the few hot statements that
 * run as named prepared statements without Prisma's query interpreter: the callback dedupe
 * insert (src/bot/delivery-recorder.ts) and the ledger's verification pages
 * (src/services/evidence/ledger-entry-pages.ts). Undefined for a client not made by createDb.
 */
export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}
