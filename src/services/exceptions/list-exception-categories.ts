// The reasons an employee may give, as the request form and API clients show them: for each, its
// legal note with the article, the documents it needs (the signed declaration plus proofs), the
// insurance this company still owes, and whether it is lawful at all (a waiver is void, 法释〔2025〕12号
// 第十九条).
import type { Actor } from '../../domain/actor.ts';
import { REASON_CATEGORIES, reasonCategories, requiredDocuments } from '../../domain/exceptions/reason-categories.ts';
import { authorize } from '../../domain/permissions.ts';
import type { OwedInsuranceView } from '../../domain/views/exceptions.ts';
import { owedInsuranceViews } from './exception-clock-view.ts';

export interface ExceptionCategoryView {
  category: string;
  label: string;
  lawful: boolean;
  kind: string;
  legalNote: string;
  documents: { key: string; label: string }[];
  owedInsurances: OwedInsuranceView[];
  owedShort: string;
}

/**
 * @example
 *   const { categories } = await listExceptionCategories({ actor }); // categories[0].category === 'RETIRED_PENSIONER'
 */
export async function listExceptionCategories(opts: { actor: Actor }): Promise<{ categories: ExceptionCategoryView[] }> {
  authorize(opts.actor, 'exception.read');
  return {
    categories: REASON_CATEGORIES.map((c) => {
      const info = reasonCategories[c];
      return {
        category: c, label: info.label, lawful: info.lawful, kind: info.kind, legalNote: info.legalNote,
        documents: requiredDocuments(c).map((d) => ({ key: d.key, label: d.label })),
        owedInsurances: owedInsuranceViews(info.owed), owedShort: info.owedShort,
      };
    }),
  };
}
