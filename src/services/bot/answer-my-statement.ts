// 「我的社保」: the employee's own latest monthly statement, the same text the monthly push sends
// (社会保险法 第六十条: the employer tells each employee every month what was paid for them).
import type { Actor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { statementMessage } from '../statements/statement-message.ts';

/**
 * @example
 *   await answerMyStatement(deps, { actor }) // → { text: '张三，您好：2026年11月公司为您缴纳社会保险费的明细已生成。…' }
 */
export async function answerMyStatement(deps: ServiceDeps, o: { actor: Actor }): Promise<{ text: string }> {
  const latest = await deps.db.contributionRecord.findFirst({ where: { employeeId: o.actor.id }, orderBy: { month: 'desc' }, select: { month: true } });
  if (!latest) {
    return { text: `${o.actor.name}，暂时还没有你的社保缴费记录（公司导入当月缴费明细后即可查看）。如有疑问，发送「咨询」加你的问题，人事会回复你。` };
  }
  const sums = await deps.db.contributionRecord.aggregate({ where: { employeeId: o.actor.id, month: latest.month }, _sum: { employerFen: true, employeeFen: true } });
  const text = statementMessage({
    name: o.actor.name, month: latest.month, employerFen: sums._sum.employerFen ?? 0, employeeFen: sums._sum.employeeFen ?? 0,
    link: `${deps.publicBaseUrl}/app/statement?month=${latest.month}`,
  });
  return { text };
}
