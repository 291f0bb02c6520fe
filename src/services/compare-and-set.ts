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
