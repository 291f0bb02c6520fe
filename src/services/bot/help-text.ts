// What the bot can do, as the person asking may use it: the name query is only for HR.
import type { Actor } from '../../domain/actor.ts';
import { scopeOf } from '../../domain/permissions.ts';

/** HR roles (HR specialist, HR manager, admin): the ones who manage every employee's lifecycle. */
export const isHrActor = (actor: Actor) => scopeOf(actor, 'employee.transition') === 'all';

export function helpText(actor: Actor): string {
  const hr = isHrActor(actor);
  return [
    '社保哨兵可以：',
    '· 发送「待办」：查看等你处理的事项，待你审批的事项可直接在卡片上同意或驳回',
    '· 发送「我的社保」：查看本人最近一个月的社保缴费明细',
    '· 发送「咨询」加问题，例如「咨询 我的社保怎么没交？」：人事会回复你',
    '· 发送「投诉」加内容：向人事投诉社保问题，会按时限处理',
    ...(hr ? ['· 发送员工姓名或工号：查看该员工的增员、例外、考勤和离职情况'] : []),
    '· 发送「帮助」：查看本说明',
    '到岗确认、增员提醒等会以卡片推送给你，点卡片上的按钮即可处理。',
  ].join('\n');
}
