// Platform leave records → one shape for LeaveRecord. The sourceId identifies the platform's
// record (WeCom sp_no; DingTalk has no id, so userid:start:end), unique per source, so every
// sync of the same approved leave is one row. A half day of leave covers its whole day: the
// employee was not expected at work for a full day, so that day is never an absence.
import { dayIn } from '../dates.ts';

export interface PlatformLeave {
  platform: 'wecom' | 'dingtalk';
  userId: string;
  sourceId: string;
  fromDay: string;
  toDay: string;
  kind: string;
}

/** WeCom getapprovaldetail leave (seconds). */
export function fromWecomLeave(tz: string, l: { spNo: string; userId: string; kind: string; begin: number; end: number }): PlatformLeave {
  return { platform: 'wecom', userId: l.userId, sourceId: l.spNo, fromDay: dayIn(tz, new Date(l.begin * 1000)), toDay: dayIn(tz, new Date(Math.max(l.begin, l.end) * 1000)), kind: l.kind };
}

/** DingTalk getleavestatus row (ms). */
export function fromDingtalkLeave(tz: string, l: { userid: string; start_time: number; end_time: number }): PlatformLeave {
  return {
    platform: 'dingtalk', userId: l.userid, sourceId: `${l.userid}:${l.start_time}:${l.end_time}`,
    fromDay: dayIn(tz, new Date(l.start_time)), toDay: dayIn(tz, new Date(Math.max(l.start_time, l.end_time))), kind: '请假',
  };
}
