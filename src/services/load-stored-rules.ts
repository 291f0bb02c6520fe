// A company setting kept as JSON in AppMeta, read through its parser (src/domain/stored-rules.ts).
// An invalid value is logged with `invalid` and the defaults apply: a typo never stops a sweep.
import type { Db, Tx } from '../db/client.ts';
import type { Logger } from '../log.ts';

/**
 * @example const rules = await loadStoredRules(tx, { key: EXIT_RULES_KEY, parse: parseExitRules, log, invalid: 'exit rules … invalid' });
 */
export async function loadStoredRules<T>(db: Db | Tx, o: { key: string; parse: (json: string | undefined) => { rules: T; error?: string }; log?: Logger; invalid: string }): Promise<T> {
  const meta = await db.appMeta.findUnique({ where: { key: o.key } });
  const { rules, error } = o.parse(meta?.value);
  if (error) o.log?.warn({ key: o.key, error }, o.invalid);
  return rules;
}
