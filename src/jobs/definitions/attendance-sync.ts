import { syncPlatformAttendance } from '../../services/attendance/sync-platform-attendance.ts';
import { syncPlatformLeaves } from '../../services/attendance/sync-platform-leaves.ts';
import type { JobDefinition } from '../job-definition.ts';

/** Pulls WeCom 打卡 and DingTalk 考勤 records into AttendanceRecord, incrementally per platform. */
export const attendanceSync: JobDefinition = {
  name: 'attendance-sync',
  description: '同步企业微信打卡 / 钉钉考勤记录',
  cron: '5 * * * *',
  async run({ deps, asOf, log }) {
    const results = await syncPlatformAttendance(deps, { asOf });
    // Approved leave from the platforms' approval apps: those days are never absences.
    const leaves = await syncPlatformLeaves(deps, { asOf, log });
    if (results.length === 0) return 'no chat platform configured: nothing to sync (clock-ins come from the H5 only)';
    const pulled = results.map((r, i) => `${r.pulled}${i === 0 ? ' record(s)' : ''} from ${r.platform}`).join(', ');
    const sum = (k: 'inserted' | 'duplicates' | 'unknownUsers') => results.reduce((n, r) => n + r[k], 0);
    const unknown = sum('unknownUsers') > 0 ? `; ${sum('unknownUsers')} record(s) of unlinked accounts skipped (run directory-sync)` : '';
    const newLeaves = leaves.reduce((n, l) => n + l.inserted, 0);
    const revoked = leaves.reduce((n, l) => n + l.revoked, 0);
    const failed = leaves.filter((l) => l.failed).map((l) => `; approved leave from ${l.platform} not pulled (${l.failed})`).join('');
    return `pulled ${pulled}; inserted ${sum('inserted')}, duplicates ${sum('duplicates')}${unknown}${newLeaves > 0 ? `; ${newLeaves} approved leave(s) synced` : ''}${revoked > 0 ? `; ${revoked} leave(s) revoked on the platform` : ''}${failed}`;
  },
};
