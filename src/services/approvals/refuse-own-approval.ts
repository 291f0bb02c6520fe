// Four-eyes in the engine itself: whatever the step's approver list says (lists resolved before
// this rule, or edited by hand), its submitter and the employee it is about never decide it.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../errors.ts';

/** Throws a 403 naming who else can decide, when `actor` submitted the approval or it is about them. */
export async function refuseOwnApproval(tx: Tx, o: { actor: Actor; submitterId: string; subjectEmployeeId: string | null; approverIds: string[] }): Promise<void> {
  const { actor } = o;
  const whose = actor.id === o.submitterId ? '这条审批是你提交的' : actor.id === o.subjectEmployeeId ? '这条审批与你本人有关' : undefined;
  if (!whose) return;
  const others = await tx.employee.findMany({
    where: { id: { in: o.approverIds.filter((id) => id !== o.submitterId && id !== o.subjectEmployeeId) }, status: { not: 'EXITED' } },
    select: { name: true },
    orderBy: { employeeNo: 'asc' },
  });
  const who = others.length > 0 ? others.map((e) => e.name).join('、') : '其他人事经理或管理员';
  throw new AppError('forbidden', `${whose}，不能由你本人审批，请由${who}审批`);
}
