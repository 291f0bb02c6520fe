import { declarationTemplates, type DeclarationTemplate } from '../../documents/declaration-templates.ts';
import { AppError } from '../../errors.ts';

/** The template registered under `id` (without version), or AppError('not_found'). */
export function findTemplate(id: string): DeclarationTemplate {
  const template = Object.hasOwn(declarationTemplates, id) ? declarationTemplates[id] : undefined;
  if (!template) throw new AppError('not_found', `没有这种声明模板：${id.slice(0, 60)}`);
  return template;
}

/** Names as typed on a phone: full-width letters and stray spaces do not make a different name. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').trim();
}
