// The lawful "not enrolled here" categories on the law in force (reference/law.md): each cites its
// own article, needs the signed declaration plus its proofs, and says which insurance stays owed.
// The pensioner never rests on the repealed 劳动争议司法解释（一）第三十二条第一款 any more.
import { describe, expect, it } from 'vitest';
import { lawfulCategories, LAWFUL_CATEGORIES } from '../../src/domain/exceptions/lawful-categories.ts';
import { owedLabel, stillToEnrol } from '../../src/domain/exceptions/owed-insurance.ts';
import { REASON_CATEGORIES, reasonCategories, requiredDocuments } from '../../src/domain/exceptions/reason-categories.ts';
import { isProofKind } from '../../src/domain/proofs/proof-kind-labels.ts';

const owedTypes = (c: keyof typeof lawfulCategories) => lawfulCategories[c].owed.map((o) => o.type);

describe('lawful exception categories', () => {
  it('cites the law in force for the pensioner: 劳动合同法 第四十四条第（二）项, 实施条例 第二十一条, never the repealed 第三十二条', () => {
    const p = lawfulCategories.RETIRED_PENSIONER;
    for (const text of [p.legalNote, p.cardNote]) {
      expect(text).toContain('第四十四条第（二）项');
      expect(text).toContain('第二十一条');
      expect(text).not.toContain('第三十二条');
      expect(text).toContain('雇主责任险');
    }
    expect(p.legalNote).toContain('法释〔2025〕12号 第二十一条');
    expect(p.owed).toEqual([{ type: 'INJURY', how: expect.stringContaining('超龄就业人员') }]);
  });

  it('keeps dual employment on 第三十二条第二款 with one account, and work injury owed by each employer (人社部令第13号 第九条)', () => {
    const d = lawfulCategories.OTHER_EMPLOYER_PAYS;
    expect(d.legalNote).toContain('第三十二条第二款');
    expect(d.legalNote).toContain('一个社会保险个人账户');
    expect(d.legalNote).toContain('人社部令第13号 第九条');
    expect(owedTypes('OTHER_EMPLOYER_PAYS')).toEqual(['INJURY']);
  });

  it.each([
    ['PART_TIME', 'PART_TIME', '第六十八条至第七十二条', ['PART_TIME_CONTRACT'], ['INJURY']],
    ['STUDENT_INTERN', 'STUDENT_INTERN', '不建立劳动关系', ['STUDENT_STATUS', 'INTERNSHIP_AGREEMENT'], []],
    ['DISPATCHED', 'DISPATCHED', '《劳动合同法》第五十八条', ['AGENCY_CONTRIBUTIONS'], []],
    ['FOREIGN_AGREEMENT', 'FOREIGN_AGREEMENT', '人社部令第16号 第六条', ['COVERAGE_CERTIFICATE'], ['MEDICAL', 'INJURY', 'MATERNITY']],
    ['OVER_AGE_NO_PENSION', 'OVER_AGE_NO_PENSION', '第十六条第二款', ['AGE_PROOF', 'NO_PENSION_PROOF'], ['INJURY']],
  ] as const)('%s: kind %s, cites %s, proofs %j, still owes %j', (category, kind, article, proofs, owed) => {
    const info = lawfulCategories[category];
    expect(info).toMatchObject({ kind, lawful: true });
    expect(info.legalNote).toContain(article);
    expect(info.proofs.map((p) => p.kind)).toEqual(proofs);
    expect(owedTypes(category)).toEqual(owed);
    expect(requiredDocuments(category).map((d) => d.key)).toEqual(['declaration', ...proofs]);
  });

  it('gives every lawful category a proof to re-verify among its own, valid proof kinds, a card note within 112 characters and a row within 26', () => {
    for (const c of LAWFUL_CATEGORIES) {
      const info = lawfulCategories[c];
      expect(info.proofs.map((p) => p.kind)).toContain(info.reverifyProof);
      for (const p of info.proofs) expect(isProofKind(p.kind)).toBe(true);
      expect(Array.from(info.cardNote).length).toBeLessThanOrEqual(112);
      expect(Array.from(info.owedShort).length).toBeLessThanOrEqual(26);
      expect(info.legalNote).toMatch(/第.+条/);
    }
    expect(REASON_CATEGORIES.filter((c) => reasonCategories[c].lawful)).toEqual([...LAWFUL_CATEGORIES]);
  });

  it('lists only the owed types not yet enrolled, and says how where the city decides', () => {
    expect(stillToEnrol(lawfulCategories.FOREIGN_AGREEMENT.owed, ['INJURY']).map((o) => o.type)).toEqual(['MEDICAL', 'MATERNITY']);
    expect(stillToEnrol(lawfulCategories.PART_TIME.owed, ['INJURY'])).toEqual([]);
    expect(owedLabel(lawfulCategories.DISPATCHED.owed)).toBe('无');
    expect(owedLabel(lawfulCategories.OVER_AGE_NO_PENSION.owed)).toMatch(/^工伤保险（按参保地超龄就业人员.*雇主责任险）$/);
  });
});
