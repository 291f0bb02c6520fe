// Errors a second try can cure: the transaction lost a race to another (a serialization failure,
// 40001, or a deadlock, 40P01). Prisma reports them as P2034 from its own queries and as P2010
// with the driver adapter's `TransactionWriteConflict` from raw ones.
interface MaybePrismaError {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
}

/** @example isTransientDbError(deadlock) // → true; isTransientDbError(new Error('bug')) // → false */
export function isTransientDbError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as MaybePrismaError;
  const cause = e.meta?.driverAdapterError?.cause;
  return e.code === 'P2034' || cause?.kind === 'TransactionWriteConflict' || cause?.originalCode === '40001' || cause?.originalCode === '40P01';
}
