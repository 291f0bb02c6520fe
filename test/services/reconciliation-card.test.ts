// The 社保对账差异 digest card: cites the law, fits WeCom's six rows with every kind present.
import { describe, expect, it } from 'vitest';
import { buildReconciliationDigestCard } from '../../cards/reconciliation-digest-card.ts';
import { renderDingtalkCardParamMap } from '../../cards/render-dingtalk.ts';
import { renderWecomTemplateCard } from '../../cards/render-wecom.ts';
import { RECONCILIATION_KINDS, reconciliationKindInfo } from '../../src/services/reconciliation/reconciliation-kinds.ts';

const card = buildReconciliationDigestCard({
  key: 'rec-0123456789abcdef0123456789abcdef-wecom',
  month: '2026-10',
  kinds: RECONCILIATION_KINDS.map((k, i) => ({ label: reconciliationKindInfo[k].label, names: i === 0 ? ['张三', '李四'] : ['王五'] })),
  dueOn: '2026-11-10',
  h5Url: 'https://hr.example.com/app/me',
});

describe('buildReconciliationDigestCard', () => {
  it('counts the new tasks, lists one row per kind and cites Arts. 58, 60, 84 and 86', () => {
    expect(card.subtitle).toBe('发现 7 项新差异，请在 2026-11-10 前核实处理');
    expect(card.rows[0]).toEqual({ label: '在职未参保', value: '2人：张三、李四' });
    expect(card.rows).toHaveLength(6);
    for (const article of ['第五十八条', '第六十条', '第八十四条', '第八十六条']) expect(card.legalBasis).toContain(article);
  });

  it('shows the money a kind owes, marks a partial sum and an unverified policy', () => {
    const priced = buildReconciliationDigestCard({
      key: 'rec-0123456789abcdef0123456789abcdef-wecom', month: '2026-10', dueOn: '2026-11-10', h5Url: 'https://hr.example.com/app/me', unverified: true,
      kinds: [{ label: '在职未参保', names: ['张三', '李四'], owedFen: 280_560, owedPartial: true }, { label: '基数过低', names: ['王五'], owedFen: 59_158 }],
    });
    expect(priced.rows).toEqual([{ label: '在职未参保', value: '2人 应补至少¥2,805.60：张三、李四' }, { label: '基数过低', value: '1人 应补¥591.58：王五' }]);
    expect(priced.subtitle).toBe('发现 3 项新差异，请在 2026-11-10 前核实处理（政策数据未经核实）');
    expect(renderWecomTemplateCard(priced)).toMatchObject({ main_title: { desc: priced.subtitle } });
  });

  it('renders on WeCom and DingTalk without hitting a platform limit', () => {
    const wecom = renderWecomTemplateCard(card);
    expect(wecom).toMatchObject({ task_id: card.key, main_title: { title: '社保对账差异 · 2026-10' } });
    expect(wecom.horizontal_content_list).toHaveLength(6);
    expect(renderDingtalkCardParamMap(card).rows).toContain('**在职停保**：1人：王五');
  });
});
