// Words the attendance pages add to the server's views (src/domain/views/attendance.ts).
import type { AttendanceView } from '../domain/views/attendance.ts';

export const sourceLabels: Record<string, string> = { h5: '工作台打卡', wecom: '企业微信', dingtalk: '钉钉' };

export const flagLabels: Record<string, string> = { outside_fence: '范围外', location: '地点异常', time: '时间异常', not_signed: '未打卡' };

/** Records grouped by day, newest day first (the API already sorts newest first). */
export function groupByDay(records: AttendanceView[]): { day: string; records: AttendanceView[] }[] {
  const groups: { day: string; records: AttendanceView[] }[] = [];
  for (const r of records) {
    const last = groups.at(-1);
    if (last && last.day === r.day) last.records.push(r);
    else groups.push({ day: r.day, records: [r] });
  }
  return groups;
}
