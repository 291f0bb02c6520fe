// 社保政策已更新：上海 2025-07 起 — a city's bases, rates or late-fee method changed in the policy
// library, so every back-pay estimate and reconciliation for that city may change with it.
import type { CardDecision, CardModel } from './card-model.ts';

export const POLICY_UPDATED_CARD = 'policy.updated';

export interface PolicyUpdatedFacts {
  city: string;
  /** 'YYYY-MM': the earliest month whose policy changed. */
  fromMonth: string;
  /** Periods as people read them: 「2025-07 至 2026-06」. */
  changes: string[];
  actorName: string;
  /** 'YYYY-MM-DD HH:mm' in Asia/Shanghai. */
  at: string;
  /** 「政策数据未经核实：…」 when the new figures are not checked against the official notice. */
  unverified: string | null;
}

/**
 * @example
 *   buildPolicyUpdatedCard({ key: 'pol-…-wecom', facts: { city: '上海', fromMonth: '2025-07', changes: ['新增 2025-07 起'], actorName: '王经理', at: '2026-12-07 10:00', unverified: null }, h5Url })
 */
export function buildPolicyUpdatedCard(opts: { key: string; facts: PolicyUpdatedFacts; h5Url: string; decided?: CardDecision }): CardModel {
  const f = opts.facts;
  return {
    type: POLICY_UPDATED_CARD,
    key: opts.key,
    title: `社保政策已更新：${f.city} ${f.fromMonth} 起`,
    subtitle: `${f.actorName} 更新了${f.city}的社保基数和费率，此后的补缴测算按新政策计算`,
    tone: f.unverified ? 'urgent' : 'normal',
    rows: [
      { label: '城市', value: f.city },
      { label: '变更', value: f.changes.join('；') },
      { label: '操作人', value: `${f.actorName}（${f.at}）` },
      ...(f.unverified ? [{ label: '提示', value: f.unverified }] : []),
    ],
    legalBasis: '缴费基数和费率以当地人社、医保、税务部门公布的通知为准（《社会保险法》第十二条）',
    buttons: [{ kind: 'link', text: '查看政策', url: opts.h5Url }],
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
