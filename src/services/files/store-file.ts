// Stores bytes in the content-addressed FileStore and records them as a StoredFile row in the
// caller's transaction. The bytes are written before the row commits: a rolled-back transaction
// leaves at most an unreferenced file (harmless, same name for the same bytes), never a row
// pointing at nothing.
import type { Tx } from '../../db/client.ts';
import type { ServiceDeps } from '../deps.ts';

/**
 * @example
 *   const { sha256, size } = await storeFile(deps, tx, { bytes: pdf, mediaType: 'application/pdf' });
 */
export async function storeFile(deps: Pick<ServiceDeps, 'files'>, tx: Tx, opts: { bytes: Buffer; mediaType: string }): Promise<{ sha256: string; size: number }> {
  const { sha256, size } = await deps.files.put(opts.bytes);
  await tx.storedFile.upsert({ where: { sha256 }, create: { sha256, mediaType: opts.mediaType, size }, update: {} });
  return { sha256, size };
}
