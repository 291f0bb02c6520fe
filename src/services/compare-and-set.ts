// The one guard every state change goes through: update only if the row is still in the
// state the caller saw. Zero rows updated means someone else got there first (or the same
// click arrived twice); the caller decides whether that is "already done" or a conflict.

interface UpdateManyDelegate<Where, Data> {
  updateMany(args: { where: Where; data: Data }): PromiseLike<{ count: number }>;
}

/**
 * @example
 *   const changed = await compareAndSet(tx.employee, { id, status: 'ACTIVE', version }, { status: 'EXITED' });
 *   if (!changed) throw new AppError('conflict', '…');
 */
export async function compareAndSet<Where, Data>(
  model: UpdateManyDelegate<Where, Data>,
  expected: Where,
  change: Data,
): Promise<boolean> {
  const { count } = await model.updateMany({ where: expected, data: change });
  return count === 1;
}

interface UpdateManyAndReturnDelegate<Where, Data> {
  updateManyAndReturn(args: { where: Where; data: Data; select: { id: true } }): PromiseLike<{ id: string }[]>;
}

/**
 * The same guard for a sweep's whole batch in one statement: `expected` names the rows (usually
 * `id: { in: ids }`) and the state each must still be in. Returns the ids that changed; a row
 * missing from the set was changed by someone else first and must be left alone.
 * @example
 *   const changed = await compareAndSetMany(tx.exitTask, { id: { in: ids }, state: 'OPEN', remindedAt: null }, { remindedAt: now });
 */
export async function compareAndSetMany<Where, Data>(
  model: UpdateManyAndReturnDelegate<Where, Data>,
  expected: Where,
  change: Data,
): Promise<Set<string>> {
  const rows = await model.updateManyAndReturn({ where: expected, data: change, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
