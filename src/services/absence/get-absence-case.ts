// One absence case, for the page the absence card's 详情 opens: HR sees any, the line manager
// (direct or indirect) and whoever got the case's card see theirs; anyone else gets a 404.
import type { Actor } from '../../domain/actor.ts';
import { scopeOf } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { findTeamIds } from '../employees/find-team-ids.ts';
import { parseRecipients } from '../cards/card-instance-json.ts';
import { absenceCaseViews, type AbsenceCaseView } from './list-absence-cases.ts';

const NOT_FOUND = '找不到这条缺勤确认，或你无权查看；请从缺勤确认卡片重新打开';

/** @example const view = await getAbsenceCase(deps, { actor, id }) */
export async function getAbsenceCase(deps: ServiceDeps, opts: { actor: Actor; id: string }): Promise<AbsenceCaseView> {
  const row = await deps.db.absenceCase.findUnique({ where: { id: opts.id } });
  if (!row || !(await maySee(deps, opts.actor, row))) throw new AppError('not_found', NOT_FOUND);
  const [view] = await absenceCaseViews(deps, [row]);
  return view as AbsenceCaseView;
}

async function maySee(deps: ServiceDeps, actor: Actor, row: { id: string; employeeId: string }): Promise<boolean> {
  const scope = scopeOf(actor, 'attendance.read');
  if (scope === 'all') return true;
  if (actor.kind !== 'employee' || row.employeeId === actor.id) return false;
  if (scope === 'team' && (await findTeamIds(deps.db, actor.id)).includes(row.employeeId)) return true;
  const cards = await deps.db.cardInstance.findMany({ where: { subjectType: 'absence_case', subjectId: row.id }, select: { recipients: true } });
  return cards.some((c) => parseRecipients(c.recipients).some((r) => r.employeeId === actor.id));
}
