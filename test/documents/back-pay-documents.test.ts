// The three back-pay documents read their numbers from the calculator, say 「政策数据未经核实」 when
// a period is unverified, and the cross-year note says what the data cannot answer.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { backPayDocumentContent } from '../../src/documents/back-pay/back-pay-document-content.ts';
import type { BackPayDocumentFacts } from '../../src/documents/back-pay/back-pay-document-kinds.ts';
import { renderDocumentPdf } from '../../src/documents/render-pdf.ts';
import { backPay } from '../../src/domain/money/back-pay.ts';
import { period } from '../domain/money/policy-fixtures.ts';

const employee = { name: '张三', employeeNo: 'E0001', employer: '示例科技有限公司' };

function facts(from: string, to: string, verified: boolean, reason: string | null = null): BackPayDocumentFacts {
  const periods = [period({ verified, from: '2024-01' })];
  return { employee, backPay: backPay({ city: '示例市', periods, wageFen: 500_000, from, to, payOn: '2025-02-11' }), from, to, payOn: '2025-02-11', reason, issuedOn: '2025-02-10' };
}

const text = (c: { paragraphs: string[]; facts: { value: string }[] }) => [...c.facts.map((f) => f.value), ...c.paragraphs].join('\n');

describe('社保补缴申报表', () => {
  it('lists each month per type and side with the due day, late days and fee, and the totals', () => {
    // base 5,000 × (16 % + 8 %) = 800 + 400 per month; 2024-12 due 12-31, paid 2025-02-11 → 41 days × 0.05 % × 1,200 = 24.60
    const c = backPayDocumentContent('declaration', facts('2024-12', '2025-01', false));
    expect(c.title).toBe('社保补缴申报表');
    expect(c.table?.rows).toContainEqual(['2024-12', '养老保险', '¥5,000.00', '¥800.00', '¥400.00', '¥1,200.00', '', '', '']);
    expect(c.table?.rows).toContainEqual(['2024-12', '本月小计', '¥5,000.00', '¥800.00', '¥400.00', '¥1,200.00', '2024-12-31', '41', '¥24.60']);
    // 2025-01 due 01-31 → 10 days → 6.00
    expect(c.table?.rows.at(-1)).toEqual(['合计', '', '', '¥1,600.00', '¥800.00', '¥2,400.00', '', '', '¥30.60']);
    expect(text(c)).toContain('应缴总额 ¥2,430.60');
    expect(text(c)).toContain('政策数据未经核实：示例市 2024-01 起');
    expect(text(c)).toContain('人社部令第13号');
  });

  it('carries no warning when every period is verified', () => {
    expect(text(backPayDocumentContent('declaration', facts('2024-12', '2025-01', true)))).not.toContain('未经核实');
  });
});

describe('社保补缴说明函', () => {
  it('tells the employee the months, the reason, their share and that the late fee is not theirs', () => {
    const c = backPayDocumentContent('letter', facts('2024-12', '2025-01', false, '入职时未及时办理增员'));
    const t = text(c);
    expect(t).toContain('张三：');
    expect(t).toContain('2024-12、2025-01，共 2 个月');
    expect(t).toContain('原因：入职时未及时办理增员');
    expect(t).toContain('你个人承担 ¥800.00');
    expect(t).toContain('滞纳金 ¥30.60 全部由公司承担');
    expect(t).toContain('政策数据未经核实');
    expect(t).not.toMatch(/[A-Za-z]{3,}/);
  });
});

describe('跨年补缴影响说明', () => {
  it('splits a range over two years by year and lists what the data cannot answer', () => {
    const t = text(backPayDocumentContent('cross-year', facts('2024-11', '2025-01', false)));
    expect(t).toContain('本次补缴跨 2 个年度（2024、2025）');
    expect(t).toContain('2024 年：2 个月（2024-11 至 2024-12），缴费基数 ¥5,000.00，社会保险费 ¥2,400.00');
    expect(t).toContain('2025 年：1 个月（2025-01 至 2025-01）');
    expect(t).toContain('本说明不能回答的问题');
    expect(t).toContain('养老金金额的影响');
    expect(t).toContain('政策数据未经核实');
  });

  it('says when the months are all in one year', () => {
    expect(text(backPayDocumentContent('cross-year', facts('2025-01', '2025-01', true)))).toContain('都在 2025 年内，不涉及跨年度补缴');
  });
});

describe('rendering', () => {
  it('renders each kind as an A4 PDF with the CJK font, a long range on further pages', async () => {
    for (const kind of ['declaration', 'letter', 'cross-year'] as const) {
      const pdf = await renderDocumentPdf({ ...backPayDocumentContent(kind, facts('2024-01', '2025-01', false)), issuedAt: new Date('2025-02-10T02:00:00Z') });
      const doc = await PDFDocument.load(pdf);
      expect(doc.getTitle()).toBe(backPayDocumentContent(kind, facts('2024-01', '2025-01', false)).title);
      expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/SNTNLA\+NotoSansSC-Regular/);
      if (kind === 'declaration') expect(doc.getPageCount()).toBeGreaterThan(1);
    }
  });
});
