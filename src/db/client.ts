import { PrismaPg } from '@prisma/adapter-pg';
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

/** One client per process, created by the composition root and passed down. */
export function createDb(url: string, poolSize = 10): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }), transactionOptions: TRANSACTION_OPTIONS });
}
