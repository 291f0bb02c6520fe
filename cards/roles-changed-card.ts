// 员工角色已变更: someone gave or took roles (the dedicated action or a roster import). HR managers
// and admins hear of every change, so a grant of power never goes unseen (four-eyes).
import type { CardDecision, CardModel, CardRow } from './card-model.ts';

export const ROLES_CHANGED_CARD = 'employee.roles_changed';

export interface RoleChangeFact {
  name: string;
  employeeNo: string;
  /** Role names as people read them (人事专员), joined by the builder. */
  before: string[];
  after: string[];
}

export interface RolesChangedFacts {
  changes: RoleChangeFact[];
  actorName: string;
  /** The reason given, or 名册导入（文件名） for an import. */
  reason: string;
  /** 'YYYY-MM-DD HH:mm' in Asia/Shanghai. */
  at: string;
}

const SHOWN = 3;
const list = (roles: string[]) => roles.join('、') || '无';
const person = (c: RoleChangeFact) => `${c.name}（${c.employeeNo}）`;

function changeRows(changes: RoleChangeFact[]): CardRow[] {
  const [only] = changes;
  if (only && changes.length === 1) return [{ label: '员工', value: person(only) }, { label: '原角色', value: list(only.before) }, { label: '新角色', value: list(only.after) }];
  const shown = changes.slice(0, SHOWN).map((c) => `${c.name}：${list(c.before)} → ${list(c.after)}`).join('；');
  const more = changes.length > SHOWN ? `；另有 ${changes.length - SHOWN} 人` : '';
  return [{ label: '员工', value: `${changes.map(person).slice(0, SHOWN).join('、')}等 ${changes.length} 人` }, { label: '变更', value: shown + more }];
}

/**
 * @example
 *   buildRolesChangedCard({ key: 'rol-…-wecom', facts: { changes: [{ name: '张三', employeeNo: 'E0001', before: ['员工'], after: ['员工', '人事专员'] }], actorName: '王经理', reason: '接手社保业务', at: '2026-12-07 10:00' }, h5Url })
 */
export function buildRolesChangedCard(opts: { key: string; facts: RolesChangedFacts; h5Url: string; decided?: CardDecision }): CardModel {
  const f = opts.facts;
  const whom = f.changes.length === 1 && f.changes[0] ? f.changes[0].name : `${f.changes.length} 名员工`;
  return {
    type: ROLES_CHANGED_CARD,
    key: opts.key,
    title: '员工角色已变更',
    subtitle: `${f.actorName} 修改了 ${whom} 的角色，请核对是否符合授权`,
    tone: 'urgent',
    rows: [...changeRows(f.changes), { label: '操作人', value: `${f.actorName}（${f.at}）` }, { label: '原因', value: f.reason }],
    buttons: [{ kind: 'link', text: '详情', url: opts.h5Url }],
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
