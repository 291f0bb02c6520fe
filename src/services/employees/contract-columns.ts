// The contract term and probation as stored, from a create or an edit. An edit may change one of
// the three fields; 劳动合同法 第十九条 is checked on the term they make together, so shortening
// the contract under a long probation is refused just like entering the probation itself.
import { contractTermProblem } from '../../domain/contracts/probation-limit.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import { AppError } from '../../errors.ts';

interface ContractInput {
  contractStart?: string | null;
  contractEnd?: string | null;
  probationEnd?: string | null;
}

interface StoredContract {
  contractStart: Date | null;
  contractEnd: Date | null;
  probationEnd: Date | null;
}

const FIELDS = ['contractStart', 'contractEnd', 'probationEnd'] as const;

/** Prisma data for the fields the input names (all three on create); throws 400 on an unlawful term. */
export function contractColumns(input: ContractInput, current?: StoredContract): Partial<Record<(typeof FIELDS)[number], Date | null>> {
  if (current && FIELDS.every((f) => input[f] === undefined)) return {};
  const merged = Object.fromEntries(FIELDS.map((f) => [f, input[f] === undefined ? formatDay(current?.[f]) : input[f]])) as Record<(typeof FIELDS)[number], string | null>;
  const problem = contractTermProblem(merged);
  if (problem) throw new AppError('validation_failed', problem.message);
  return Object.fromEntries(FIELDS.filter((f) => !current || input[f] !== undefined).map((f) => [f, merged[f] === null ? null : parseDay(merged[f])]));
}
