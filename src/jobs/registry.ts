import { AppError } from '../errors.ts';
import { absenceDetection } from './definitions/absence-detection.ts';
import { approvalSla } from './definitions/approval-sla.ts';
import { attendanceSync } from './definitions/attendance-sync.ts';
import { contributionReconciliation } from './definitions/contribution-reconciliation.ts';
import { dataRetention } from './definitions/data-retention.ts';
import { directorySync } from './definitions/directory-sync.ts';
import { enrolmentDeadlineSweep } from './definitions/enrolment-deadline-sweep.ts';
import { exceptionReverification } from './definitions/exception-reverification.ts';
import { exitTaskReminders } from './definitions/exit-task-reminders.ts';
import { monthlyReport } from './definitions/monthly-report.ts';
import { onboardingArrivalCheck } from './definitions/onboarding-arrival-check.ts';
import { sessionCleanup } from './definitions/session-cleanup.ts';
import { questionSla } from './definitions/question-sla.ts';
import { transferReminders } from './definitions/transfer-reminders.ts';
import type { JobDefinition } from './job-definition.ts';

/** Every job the scheduler ticks and `sentinel job run <name>` can run. */
export const jobRegistry: readonly JobDefinition[] = [directorySync, enrolmentDeadlineSweep, onboardingArrivalCheck, sessionCleanup, contributionReconciliation, approvalSla, exceptionReverification, attendanceSync, absenceDetection, exitTaskReminders, dataRetention, transferReminders, questionSla, monthlyReport];

export function findJob(name: string, registry: readonly JobDefinition[] = jobRegistry): JobDefinition {
  const job = registry.find((j) => j.name === name);
  if (!job) throw new AppError('not_found', `unknown job "${name}"; known jobs: ${registry.map((j) => j.name).join(', ')}`);
  return job;
}
