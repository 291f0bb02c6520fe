// 社保对账差异: one digest card per reconciliation run that opened tasks, not one per task, so a
// month with many mismatches does not flood HR's chat. Each task is listed in the API/H5.
import type { CardDecision, CardModel } from './card-model.ts';

export const RECONCILIATION_DIGEST_CARD = 'reconciliation.digest';

export interface ReconciliationDigestInput {
  key: string;
  /** 'YYYY-MM' reconciled. */
  month: string;
  /** One row per kind with new tasks: label (≤ 5 characters) and the names concerned. */
  kinds: { label: string; names: string[] }[];
  /** 'YYYY-MM-DD' */
  dueOn: string;
  h5Url: string;
  /** Not used by the job today; accepted so every card type can show a decision uniformly. */
  decided?: CardDecision;
}

/**
 * @example
 *   buildReconciliationDigestCard({ key: 'rec-…-wecom', month: '2026-10', kinds: [{ label: '在职未参保', names: ['张三'] }], dueOn: '2026-11-10', h5Url })
 */
export function buildReconciliationDigestCard(opts: ReconciliationDigestInput): CardModel {
  const total = opts.kinds.reduce((n, k) => n + k.names.length, 0);
  return {
    type: RECONCILIATION_DIGEST_CARD,
    key: opts.key,
    title: `社保对账差异 · ${opts.month}`,
    subtitle: `发现 ${total} 项新差异，请在 ${opts.dueOn} 前核实处理`,
    tone: 'urgent',
    // WeCom shows at most 6 rows: there are 6 kinds, one row each.
    rows: opts.kinds.slice(0, 6).map((k) => ({ label: k.label, value: `${k.names.length}人：${k.names.join('、')}` })),
    legalBasis: '依据《社会保险法》第五十八条、第六十条；未依法缴纳罚款见第八十四条，滞纳金（日万分之五）见第八十六条',
    buttons: [{ kind: 'link', text: '详情', url: opts.h5Url }],
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
