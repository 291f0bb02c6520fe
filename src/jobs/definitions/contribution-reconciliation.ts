import { reconcileContributions } from '../../services/reconciliation/reconcile-contributions.ts';
import { RECONCILIATION_KINDS } from '../../services/reconciliation/reconciliation-kinds.ts';
import { pushMissedStatements } from '../../services/statements/push-missed-statements.ts';
import type { JobDefinition } from '../job-definition.ts';

/** Monthly: HR data against contributions paid (社会保险法 Arts. 58, 60, 84, 86); one task per mismatch; statement pushes an outage missed. */
export const contributionReconciliation: JobDefinition = {
  name: 'contribution-reconciliation',
  description: '社保月度对账：在职未参保、离职仍缴、在职停保、基数与主体不符，逐项生成待办',
  cron: '0 8 5 * *',
  async run({ deps, asOf }) {
    const r = await reconcileContributions(deps, { asOf });
    // Statements an outage kept from going out after their import (社会保险法 第六十条), once each.
    const s = await pushMissedStatements(deps, { asOf });
    const statements = `; statements queued ${s.queued} (${s.from} – ${s.to})`;
    if (!r.month) return `no contributions imported up to ${asOf.slice(0, 7)}: nothing reconciled${statements}`;
    const total = RECONCILIATION_KINDS.reduce((n, k) => n + r.found[k], 0);
    const parts = RECONCILIATION_KINDS.map((k) => `${k} ${r.found[k]}`).join(', ');
    return `month ${r.month}: found ${total} mismatch(es) (${parts}), opened ${r.opened} task(s), closed ${r.closed}${statements}`;
  },
};
