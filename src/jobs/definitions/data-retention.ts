import { addDays, startOfDayIn } from '../../domain/dates.ts';
import { parseRetentionRules, RETENTION_RULES_KEY, yearsBefore } from '../../domain/privacy/retention-rules.ts';
import { clearOldLocations } from '../../services/retention/clear-old-locations.ts';
import { deleteExpiredFiles, finishRecentDeletions } from '../../services/retention/delete-expired-files.ts';
import { deleteOldAttendance } from '../../services/retention/delete-old-attendance.ts';
import { deleteOldContributions } from '../../services/retention/delete-old-contributions.ts';
import { sealTreeHead } from '../../services/evidence/seal-tree-head.ts';
import { loadStoredRules } from '../../services/load-stored-rules.ts';
import type { JobDefinition } from '../job-definition.ts';

/**
 * Daily: deletes personal data past its retention period (个人信息保护法 第十九条、第四十七条; periods in
 * AppMeta 'retention.rules'): clock-in positions, and the attendance rows, wage/contribution rows
 * and stored files of long-gone employees. The ledger keeps the hashes and records each file deletion.
 */
export const dataRetention: JobDefinition = {
  name: 'data-retention',
  description: '按保存期限删除个人信息：过期的打卡位置、离职员工的考勤记录、工资和缴费记录及原件（证据台账保留摘要）',
  cron: '15 3 * * *',
  async run({ deps, asOf, log }) {
    const rules = await loadStoredRules(deps.db, { key: RETENTION_RULES_KEY, parse: parseRetentionRules, log, invalid: 'retention rules in AppMeta are invalid; using the defaults (2 years after exit, positions 90 days)' });
    const locations = await clearOldLocations(deps, { before: startOfDayIn(deps.businessTz, addDays(asOf, 1 - rules.locationDays)) });
    const exitedBefore = yearsBefore(asOf, rules.attendanceYearsAfterExit);
    const attendance = await deleteOldAttendance(deps, { exitedBefore });
    const contributions = await deleteOldContributions(deps, { exitedBefore: yearsBefore(asOf, rules.wageRecordsYearsAfterExit) });
    await finishRecentDeletions(deps, { since: new Date(deps.now().getTime() - 7 * 86_400_000) });
    const files = await deleteExpiredFiles(deps, { rules, asOf });
    if (files > 0) await sealTreeHead(deps).catch(() => undefined);
    return `cleared ${locations} clock-in position(s), deleted ${attendance} attendance record(s), ${contributions} wage/contribution record(s) and ${files} stored file(s) past retention`;
  },
};
