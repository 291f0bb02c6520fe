// Approved leave from the WeCom 审批 app: oa/getapprovalinfo lists the sp_no of approved leave
// requests (record_type 1 = 请假, sp_status 2 = 已通过; ≤ 100 per page, new_next_cursor paging,
// submission time within a window of ≤ 31 days), then oa/getapprovaldetail reads each one's
// 假勤 (Vacation) control: the leave type and its begin/end. The self-built app must be allowed
// in 审批 → API → 可调用接口的应用. A leave revoked after approval (sp_status 6, 通过后撤销) is listed
// the same way, so the sync can take it back.
import { splitRange } from '../split.ts';
import type { WecomApi } from './wecom-api.ts';

export interface WecomLeave {
  spNo: string;
  userId: string;
  /** 年假 / 病假 / …, as the template's option says. */
  kind: string;
  /** Seconds since epoch. */
  begin: number;
  end: number;
}

interface VacationContent {
  control?: string;
  value?: { vacation?: { selector?: { options?: { value?: { text?: string }[] }[] }; attendance?: { date_range?: { new_begin?: number; new_end?: number } } } };
}

interface ApprovalDetail {
  info?: { sp_no?: string; sp_status?: number; applyer?: { userid?: string }; apply_data?: { contents?: VacationContent[] } };
}

const MAX_SPAN_S = 31 * 86_400;

/** sp_status 2: 已通过; 6: 通过后撤销 (the leave was revoked after its approval). */
const APPROVED = '2';
const REVOKED_AFTER_APPROVAL = '6';

/** The approved leave requests submitted between two instants; `known` sp_no are not read again. */
export async function getWecomApprovedLeaves(api: WecomApi, opts: { from: Date; to: Date; known?: (spNo: string) => boolean }): Promise<WecomLeave[]> {
  const spNos = await listLeaveSpNos(api, opts, APPROVED);
  const out: WecomLeave[] = [];
  for (const spNo of spNos.filter((n) => !opts.known?.(n))) {
    const res = await api.call<ApprovalDetail>({ api: 'oa/getapprovaldetail', method: 'POST', path: '/cgi-bin/oa/getapprovaldetail', data: { sp_no: spNo } });
    const leave = toLeave(spNo, res.info);
    if (leave) out.push(leave);
  }
  return out;
}

function toLeave(spNo: string, info: ApprovalDetail['info']): WecomLeave | undefined {
  if (info?.sp_status !== 2 || !info.applyer?.userid) return undefined;
  const vacation = info.apply_data?.contents?.find((c) => c.control === 'Vacation')?.value?.vacation;
  const range = vacation?.attendance?.date_range;
  if (typeof range?.new_begin !== 'number' || typeof range.new_end !== 'number') return undefined;
  const kind = vacation?.selector?.options?.[0]?.value?.[0]?.text ?? '其他';
  return { spNo, userId: info.applyer.userid, kind, begin: range.new_begin, end: range.new_end };
}

/** The sp_no of leave requests submitted between two instants and revoked after their approval. */
export function getWecomRevokedLeaveSpNos(api: WecomApi, opts: { from: Date; to: Date }): Promise<string[]> {
  return listLeaveSpNos(api, opts, REVOKED_AFTER_APPROVAL);
}

async function listLeaveSpNos(api: WecomApi, opts: { from: Date; to: Date }, spStatus: string): Promise<string[]> {
  const spNos: string[] = [];
  for (const w of splitRange(Math.floor(opts.from.getTime() / 1000), Math.floor(opts.to.getTime() / 1000), MAX_SPAN_S)) {
    let cursor = '';
    do {
      const data = { starttime: String(w.start), endtime: String(w.end), new_cursor: cursor, size: 100, filters: [{ key: 'record_type', value: '1' }, { key: 'sp_status', value: spStatus }] };
      const res = await api.call<{ sp_no_list?: string[]; new_next_cursor?: string }>({ api: 'oa/getapprovalinfo', method: 'POST', path: '/cgi-bin/oa/getapprovalinfo', data });
      spNos.push(...(res.sp_no_list ?? []));
      cursor = res.new_next_cursor ?? '';
    } while (cursor);
  }
  return [...new Set(spNos)];
}
