// 社保对账差异: one digest card per reconciliation run that opened tasks, not one per task, so a
// month with many mismatches does not flood HR's chat. Each task is listed in the API/H5; the
// card shows per kind what the calculator says the tasks owe (src/services/reconciliation/estimate-task-money.ts).
import { formatYuan } from '../src/domain/money.ts';
import type { CardDecision, CardModel } from './card-model.ts';

export const RECONCILIATION_DIGEST_CARD = 'reconciliation.digest';

export interface ReconciliationDigestInput {
  key: string;
  /** 'YYYY-MM' reconciled. */
  month: string;
  /**
   * One row per kind with new tasks: label (≤ 5 characters), the names concerned and, for the kinds
   * that cost money, the calculator's amount owed (back-pay and late fee, in fen) of the tasks it
   * could price; `owedPartial` when some of the kind's tasks could not be priced (no policy or wage).
   */
  kinds: { label: string; names: string[]; owedFen?: number; owedPartial?: boolean }[];
  /** Some amount rests on a policy period not checked against the official notice. */
  unverified?: boolean;
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
    subtitle: `发现 ${total} 项新差异，请在 ${opts.dueOn} 前核实处理${opts.unverified ? '（政策数据未经核实）' : ''}`,
    tone: 'urgent',
    // WeCom shows at most 6 rows: there are 6 kinds, one row each.
    rows: opts.kinds.slice(0, 6).map((k) => ({ label: k.label, value: `${k.names.length}人${owed(k)}：${k.names.join('、')}` })),
    legalBasis: '依据《社会保险法》第五十八条、第六十条；未依法缴纳罚款见第八十四条，滞纳金（日万分之五）见第八十六条',
    buttons: [{ kind: 'link', text: '详情', url: opts.h5Url }],
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}

/** ' 应补¥2,805.60', ' 应补至少¥2,805.60' when some tasks could not be priced, '' for a kind without money. */
function owed(k: ReconciliationDigestInput['kinds'][number]): string {
  if (k.owedFen === undefined) return '';
  return ` 应补${k.owedPartial ? '至少' : ''}${formatYuan(k.owedFen)}`;
}
