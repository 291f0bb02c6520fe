// Platform attendance records → one shape. The sourceId is built from fields every channel of a
// platform carries, so the same punch pulled by the hourly sync and pushed by a Stream event is
// one row (AttendanceRecord @@unique([source, sourceId])). A 未打卡 / NotSigned record says the
// employee did NOT clock in: it is kept (flag 'not_signed') but never counts as a clock-in.

export type AttendanceFlag = 'outside_fence' | 'location' | 'time' | 'not_signed';

export interface PlatformAttendance {
  platform: 'wecom' | 'dingtalk';
  /** The platform user id; resolved to an employee through PlatformIdentity. */
  userId: string;
  sourceId: string;
  at: Date;
  kind: string;
  flags: AttendanceFlag[];
}

/** The kind of a punch whose check type is not known (a DingTalk Stream event). */
export const UNKNOWN_KIND = '打卡';

const wecomExceptions: Record<string, AttendanceFlag> = { 未打卡: 'not_signed', 地点异常: 'location', 时间异常: 'time' };

/** WeCom getcheckindata row (checkin_time in seconds; exception_type ';'-joined). */
export function fromWecomCheckin(c: { userid: string; checkin_type: string; exception_type: string; checkin_time: number }): PlatformAttendance {
  const flags = [...new Set(c.exception_type.split(';').map((e) => wecomExceptions[e.trim()]).filter((f): f is AttendanceFlag => f !== undefined))];
  return {
    platform: 'wecom',
    userId: c.userid,
    sourceId: `${c.userid}:${c.checkin_time}:${c.checkin_type}`,
    at: new Date(c.checkin_time * 1000),
    kind: c.checkin_type.replace(/打卡$/, '') || UNKNOWN_KIND,
    flags,
  };
}

const dingtalkKinds: Record<string, string> = { OnDuty: '上班', OffDuty: '下班' };

/**
 * A DingTalk attendance/list row or an attendance_check_record event item. The event carries
 * checkTime and no checkType/timeResult; the list carries userCheckTime: both are the punch time
 * in ms, so `userId:ms` identifies the punch in both.
 */
export function fromDingtalkRecord(r: { userId: string; userCheckTime?: number; checkTime?: number; checkType?: string; timeResult?: string; locationResult?: string }): PlatformAttendance | undefined {
  const ms = r.userCheckTime ?? r.checkTime;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return undefined;
  const flags: AttendanceFlag[] = [];
  if (r.timeResult === 'NotSigned') flags.push('not_signed');
  if (r.timeResult === 'Late' || r.timeResult === 'SeriousLate' || r.timeResult === 'Early' || r.timeResult === 'Absenteeism') flags.push('time');
  if (r.locationResult === 'Outside') flags.push('location');
  return {
    platform: 'dingtalk',
    userId: r.userId,
    sourceId: `${r.userId}:${ms}`,
    at: new Date(ms),
    kind: (r.checkType && dingtalkKinds[r.checkType]) || UNKNOWN_KIND,
    flags,
  };
}
