// Every audit event type with its own schema. The log is the source for timelines and
// evidence packs, so an event that does not match its schema is never written.
import { z } from 'zod';
import { notificationPreferencesSchema } from './notifications/notification-preferences.ts';

const status = z.enum(['ONBOARDING', 'ACTIVE', 'UNPAID_LEAVE', 'PENDING_EXIT', 'ABSCONDED', 'EXITED']);
const platform = z.enum(['wecom', 'dingtalk', 'sandbox']);
const insuranceException = z.object({ exceptionId: z.string(), employeeId: z.string(), kind: z.string(), reasonCategory: z.string() });
const reconciliationTask = z.object({ uniqueKey: z.string(), kind: z.string(), month: z.string() });

export const auditEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('employee.created'), data: z.object({ employeeNo: z.string(), name: z.string(), source: z.enum(['api', 'import', 'seed', 'directory']) }) }),
  z.object({ type: z.literal('employee.updated'), data: z.object({ employeeNo: z.string(), fields: z.array(z.string()).min(1), source: z.enum(['api', 'import', 'directory']) }) }),
  z.object({ type: z.literal('employee.status_changed'), data: z.object({ employeeNo: z.string(), from: status, to: status, reason: z.string().min(1) }) }),
  // Four-eyes (issue 13): who gave or took which roles, and why; HR managers get a card about it.
  z.object({ type: z.literal('employee.roles_changed'), data: z.object({ employeeNo: z.string(), before: z.array(z.string()), after: z.array(z.string()).min(1), reason: z.string().min(1), source: z.enum(['api', 'import']) }) }),
  z.object({ type: z.literal('employee.personal_data_read'), data: z.object({ employeeNo: z.string(), fields: z.array(z.enum(['idNumber', 'mobile'])).min(1), purpose: z.string() }) }),
  z.object({ type: z.literal('employees.imported'), data: z.object({ file: z.string(), rows: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }) }),
  z.object({ type: z.literal('contributions.imported'), data: z.object({ file: z.string(), rows: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), months: z.array(z.string()) }) }),
  z.object({ type: z.literal('session.created'), data: z.object({ platform: z.enum(['wecom', 'dingtalk', 'sandbox']), method: z.string() }) }),
  z.object({ type: z.literal('demo.seeded'), data: z.object({ employees: z.number().int(), departments: z.number().int() }) }),
  z.object({ type: z.literal('directory.synced'), data: z.object({ platform: z.enum(['wecom', 'dingtalk']), linked: z.number().int(), alreadyLinked: z.number().int(), unmatched: z.number().int(), conflicts: z.number().int() }) }),
  z.object({ type: z.literal('card.sent'), data: z.object({ cardKey: z.string(), cardType: z.string(), platform: platform, recipients: z.array(z.string()) }) }),
  z.object({ type: z.literal('card.decided'), data: z.object({ cardKey: z.string(), cardType: z.string(), platform: platform, actionId: z.string(), decision: z.string(), platformUserId: z.string(), cardsClosed: z.number().int() }) }),
  z.object({ type: z.literal('reconciliation.task_opened'), data: reconciliationTask }),
  z.object({ type: z.literal('reconciliation.task_reopened'), data: reconciliationTask }),
  z.object({ type: z.literal('reconciliation.task_closed'), data: reconciliationTask }),
  // For the absence workflow (PRODUCT.md §E): insurance stopped while HR still says ACTIVE.
  z.object({ type: z.literal('insurance.stopped_while_active'), data: z.object({ employeeId: z.string(), month: z.string(), lastPaidMonth: z.string() }) }),
  z.object({ type: z.literal('enrolment.recorded'), data: z.object({ enrolledOn: z.string(), insuranceTypes: z.array(z.string()).min(1), source: z.enum(['manual', 'card', 'import']), alertsResolved: z.number().int() }) }),
  z.object({ type: z.literal('enrolment.date_changed'), data: z.object({ employeeNo: z.string(), from: z.string(), to: z.string(), reason: z.string().min(1) }) }),
  // consent: the separate consent of 个人信息保护法 第二十九条 for another employer's records or pension data.
  z.object({ type: z.literal('proof.uploaded'), data: z.object({ proofId: z.string(), kind: z.string(), sha256: z.string(), size: z.number().int(), mediaType: z.string(), consent: z.object({ text: z.string(), at: z.string() }).optional() }) }),
  // 社会保险法 第六十条: the monthly statement delivered to the employee's chat account, and first read in the H5.
  z.object({ type: z.literal('statement.delivered'), data: z.object({ employeeId: z.string(), month: z.string(), platform, dedupeKey: z.string() }) }),
  z.object({ type: z.literal('statement.read'), data: z.object({ employeeId: z.string(), month: z.string() }) }),
  // 个人信息保护法 第十七条: the employee was shown this version of the privacy notice and acknowledged it.
  z.object({ type: z.literal('privacy.notice_acknowledged'), data: z.object({ version: z.number().int() }) }),
  // 个人信息保护法 第十九条、第四十七条: retention periods and what the data-retention job deleted.
  z.object({ type: z.literal('retention.settings_changed'), data: z.object({ before: z.record(z.string(), z.number()), after: z.record(z.string(), z.number()) }) }),
  // The company's KPI scoring rules (targets and points) as changed by an HR manager.
  z.object({ type: z.literal('kpi.scoring_changed'), data: z.object({ before: z.record(z.string(), z.number()), after: z.record(z.string(), z.number()) }) }),
  // Who receives each alert kind and the quiet hours (docs/notifications.md), as changed by an HR manager.
  z.object({ type: z.literal('notifications.preferences_changed'), data: z.object({ before: notificationPreferencesSchema, after: notificationPreferencesSchema }) }),
  z.object({ type: z.literal('retention.file_deleted'), data: z.object({ sha256: z.string(), recordType: z.string(), employeeId: z.string().nullable(), reason: z.string() }) }),
  z.object({ type: z.literal('retention.locations_cleared'), data: z.object({ records: z.number().int(), before: z.string() }) }),
  // 《个人信息保护法》第五十一条: HR reading someone else's proof (sensitive personal data) leaves a trace.
  z.object({ type: z.literal('proof.read'), data: z.object({ proofId: z.string() }) }),
  z.object({ type: z.literal('declaration.signed'), data: z.object({ signatureId: z.string(), template: z.string(), subjectType: z.string(), subjectId: z.string(), documentSha256: z.string() }) }),
  // Approval engine (src/services/approvals): subject = the employee the approval is about.
  z.object({ type: z.literal('approval.submitted'), data: z.object({ approvalId: z.string(), definition: z.string(), subjectType: z.string(), subjectId: z.string(), subjectEmployeeId: z.string(), title: z.string(), steps: z.number().int() }) }),
  z.object({ type: z.literal('approval.decided'), data: z.object({ approvalId: z.string(), step: z.number().int(), decision: z.enum(['APPROVE', 'REJECT']), comment: z.string().optional(), channel: z.enum(['wecom', 'dingtalk', 'sandbox', 'h5', 'api']), stepStatus: z.string(), approvalStatus: z.string() }) }),
  z.object({ type: z.literal('approval.withdrawn'), data: z.object({ approvalId: z.string(), cardsClosed: z.number().int() }) }),
  z.object({ type: z.literal('approval.reminded'), data: z.object({ approvalId: z.string(), step: z.number().int(), level: z.number().int(), approverIds: z.array(z.string()), final: z.boolean() }) }),
  z.object({ type: z.literal('approval.escalated'), data: z.object({ approvalId: z.string(), step: z.number().int(), fromLevel: z.number().int(), toLevel: z.number().int(), approverIds: z.array(z.string()) }) }),
  // Insurance exceptions (PRODUCT.md §D); subject = the exception ('insurance_exception').
  z.object({ type: z.literal('exception.requested'), data: insuranceException.extend({ lawful: z.boolean() }) }),
  z.object({ type: z.literal('exception.submitted'), data: insuranceException.extend({ approvalId: z.string() }) }),
  z.object({ type: z.literal('exception.approved'), data: insuranceException.extend({ approvalId: z.string(), reverifyOn: z.string() }) }),
  z.object({ type: z.literal('exception.rejected'), data: insuranceException.extend({ approvalId: z.string() }) }),
  z.object({ type: z.literal('exception.withdrawn'), data: insuranceException.extend({ from: z.string(), approvalId: z.string().optional(), cardsClosed: z.number().int().optional() }) }),
  z.object({ type: z.literal('exception.lapsed'), data: insuranceException.extend({ lapsedOn: z.string(), reason: z.string() }) }),
  z.object({ type: z.literal('exception.other_employer_stopped'), data: insuranceException.extend({ month: z.string(), clockFrom: z.string(), legalDeadline: z.string() }) }),
  z.object({ type: z.literal('exception.reverified'), data: insuranceException.extend({ proofId: z.string(), coversMonth: z.string(), reverifyOn: z.string() }) }),
  z.object({ type: z.literal('task.opened'), data: z.object({ taskId: z.string(), kind: z.string(), uniqueKey: z.string(), dueOn: z.string(), ownerId: z.string().nullable() }) }),
  // Exits (issue 6): the absence chain (劳动合同法 第三十九条第（二）项、第四十三条), resignations and checklists.
  z.object({ type: z.literal('exit.started'), data: z.object({ processId: z.string(), kind: z.string(), reason: z.string(), absenceCaseId: z.string().optional(), proposedBy: z.enum(['employer', 'employee']).optional(), ground: z.string().optional() }) }),
  z.object({ type: z.literal('exit.notice_sent'), data: z.object({ processId: z.string(), notice: z.string(), documentSha256: z.string(), deadline: z.string().optional(), chatRecipients: z.number().int() }) }),
  /** The notice reached the employee: its deadline runs (return notices) or it takes effect (termination). */
  z.object({ type: z.literal('exit.notice_served'), data: z.object({ processId: z.string(), notice: z.string(), via: z.enum(['chat', 'ems', 'sms', 'h5']), deliveredOn: z.string(), deadline: z.string().optional() }) }),
  z.object({ type: z.literal('exit.resignation_confirmed'), data: z.object({ processId: z.string(), signatureId: z.string(), lastDay: z.string() }) }),
  z.object({ type: z.literal('exit.notice_read'), data: z.object({ processId: z.string(), notice: z.string(), source: z.enum(['h5', 'dingtalk']).optional(), platform: z.string().optional() }) }),
  z.object({ type: z.literal('exit.notice_delivered'), data: z.object({ processId: z.string(), notice: z.string(), platform: z.string(), message: z.enum(['text', 'file']), dedupeKey: z.string() }) }),
  z.object({ type: z.literal('exit.employee_answered'), data: z.object({ processId: z.string(), notice: z.string(), answer: z.enum(['RETURN', 'RESIGNED']), returnOn: z.string().optional() }) }),
  z.object({ type: z.literal('exit.channel_recorded'), data: z.object({ processId: z.string(), notice: z.string(), channel: z.enum(['sms', 'ems', 'other']), reference: z.string(), sentOn: z.string(), deliveredOn: z.string().optional() }) }),
  // Company rules (劳动合同法 第四条) and the company's written answer to the union (第四十三条).
  // A city policy file imported (src/services/policies/import-policy-file.ts); periods named 「2025-07 起」.
  // A back-pay document (社保补缴申报表 / 说明函 / 跨年补缴影响说明) generated and ledgered under the employee.
  z.object({ type: z.literal('money.document_issued'), data: z.object({ kind: z.string(), title: z.string(), from: z.string(), to: z.string(), payOn: z.string(), documentSha256: z.string(), verified: z.boolean() }) }),
  z.object({ type: z.literal('policy.imported'), data: z.object({ city: z.string(), added: z.array(z.string()), changed: z.array(z.string()), removed: z.array(z.string()), unchanged: z.number().int() }) }),
  z.object({ type: z.literal('company_rule.stored'), data: z.object({ ruleId: z.string(), kind: z.string(), version: z.number().int(), title: z.string(), adoptedOn: z.string(), adoptionMethod: z.string(), documentSha256: z.string(), minutesSha256: z.string(), supersedes: z.string().optional() }) }),
  z.object({ type: z.literal('exit.union_answered'), data: z.object({ processId: z.string(), answeredOn: z.string(), answer: z.string() }) }),
  z.object({ type: z.literal('exit.union_notified'), data: z.object({ processId: z.string(), notifiedOn: z.string(), reply: z.string(), notifiedBody: z.string().optional() }) }),
  z.object({ type: z.literal('exit.termination_requested'), data: z.object({ processId: z.string(), approvalId: z.string() }) }),
  z.object({ type: z.literal('exit.terminated'), data: z.object({ processId: z.string(), exitDate: z.string(), documentSha256: z.string() }) }),
  z.object({ type: z.literal('exit.termination_rejected'), data: z.object({ processId: z.string(), approvalId: z.string() }) }),
  z.object({ type: z.literal('exit.returned'), data: z.object({ processId: z.string(), source: z.enum(['hr', 'attendance']), note: z.string().optional() }) }),
  z.object({ type: z.literal('exit.accepted'), data: z.object({ processId: z.string(), exitDate: z.string() }) }),
  z.object({ type: z.literal('exit.closed'), data: z.object({ processId: z.string(), from: z.enum(['TERMINATED', 'EXITED']) }) }),
  z.object({ type: z.literal('exit.completed'), data: z.object({ processId: z.string(), kind: z.string(), exitDate: z.string(), tasks: z.number().int() }) }),
  z.object({ type: z.literal('exit.document_issued'), data: z.object({ processId: z.string(), document: z.string(), documentSha256: z.string() }) }),
  z.object({ type: z.literal('exit.task_opened'), data: z.object({ processId: z.string(), taskId: z.string(), kind: z.string(), dueOn: z.string() }) }),
  z.object({ type: z.literal('exit.task_reminded'), data: z.object({ processId: z.string(), taskId: z.string(), kind: z.string(), dueOn: z.string() }) }),
  z.object({ type: z.literal('exit.task_done'), data: z.object({ processId: z.string(), taskId: z.string(), kind: z.string(), dueOn: z.string(), late: z.boolean() }) }),
  z.object({ type: z.literal('exit.task_escalated'), data: z.object({ processId: z.string(), taskId: z.string(), kind: z.string(), dueOn: z.string() }) }),
  z.object({ type: z.literal('resignation.requested'), data: z.object({ processId: z.string(), lastDay: z.string(), noticeDays: z.number().int(), requiredDays: z.number().int(), ground: z.string().optional() }) }),
  z.object({ type: z.literal('attendance.clocked_in'), data: z.object({ recordId: z.string(), insideFence: z.boolean().nullable(), distanceM: z.number().int().nullable(), siteId: z.string().nullable(), flags: z.array(z.string()) }) }),
  z.object({ type: z.literal('attendance.synced'), data: z.object({ platform: z.enum(['wecom', 'dingtalk']), from: z.string(), to: z.string(), pulled: z.number().int(), inserted: z.number().int(), duplicates: z.number().int(), unknownUsers: z.number().int() }) }),
  z.object({ type: z.literal('worksite.saved'), data: z.object({ siteId: z.string(), name: z.string(), radiusM: z.number().int(), coordSystem: z.enum(['wgs84', 'gcj02']), created: z.boolean() }) }),
  z.object({ type: z.literal('calendar.override_changed'), data: z.object({ day: z.string(), isWorkday: z.boolean().nullable(), previous: z.boolean().nullable(), reason: z.string(), kind: z.enum(['statutory', 'company']).default('company') }) }),
  // A State Council holiday notice imported for a year (src/services/calendar/import-holiday-notice.ts).
  z.object({ type: z.literal('calendar.notice_imported'), data: z.object({ year: z.number().int(), title: z.string(), restDays: z.number().int(), workdays: z.number().int(), movedDeadlines: z.number().int() }) }),
  z.object({ type: z.literal('leave.recorded'), data: z.object({ leaveId: z.string(), fromDay: z.string(), toDay: z.string(), kind: z.string() }) }),
  z.object({ type: z.literal('leave.revoked'), data: z.object({ leaveId: z.string(), source: z.string(), sourceId: z.string(), fromDay: z.string(), toDay: z.string() }) }),
  z.object({ type: z.literal('absence.detected'), data: z.object({ caseId: z.string(), trigger: z.enum(['attendance', 'insurance_stopped']), absentDays: z.number().int(), days: z.array(z.string()) }) }),
  z.object({ type: z.literal('absence.contacted'), data: z.object({ caseId: z.string(), cardKey: z.string(), platform: platform, note: z.string().optional() }) }),
  z.object({ type: z.literal('absence.unreachable'), data: z.object({ caseId: z.string(), reason: z.enum(['manager_unreachable', 'sla_expired']), cardKey: z.string().optional(), platform: platform.optional() }) }),
  z.object({ type: z.literal('absence.closed'), data: z.object({ caseId: z.string(), reason: z.enum(['returned', 'not_counted']), returnedOn: z.string().optional(), absentDays: z.number().int().optional() }) }),
  z.object({ type: z.literal('calendar.missing_year'), data: z.object({ year: z.number().int() }) }),
  // Cross-region pension transfers (src/services/transfer/, 国办发〔2009〕66号).
  z.object({ type: z.literal('transfer.started'), data: z.object({ transferId: z.string(), fromCity: z.string(), toCity: z.string(), direction: z.enum(['INTO', 'OUT_OF']), startedOn: z.string() }) }),
  z.object({ type: z.literal('transfer.step_done'), data: z.object({ transferId: z.string(), step: z.number().int(), doneOn: z.string(), dueOn: z.string(), late: z.boolean() }) }),
  z.object({ type: z.literal('retirement.reminded'), data: z.object({ month: z.string(), reachedOn: z.string(), cardKey: z.string().nullable() }) }),
  z.object({ type: z.literal('transfer.reminded'), data: z.object({ transferId: z.string(), step: z.number().int(), kind: z.enum(['due', 'overdue']), dueOn: z.string() }) }),
  z.object({ type: z.literal('transfer.suggested'), data: z.object({ fromCity: z.string(), toCity: z.string(), temporaryAccount: z.boolean() }) }),
  // Employee questions and complaints (src/services/questions/); subject = the question ('employee_question').
  z.object({ type: z.literal('question.asked'), data: z.object({ questionId: z.string(), kind: z.enum(['QUESTION', 'COMPLAINT']), channel: z.string(), dueOn: z.string() }) }),
  z.object({ type: z.literal('question.answered'), data: z.object({ questionId: z.string(), fromState: z.enum(['OPEN', 'ESCALATED']), channel: z.string(), late: z.boolean() }) }),
  z.object({ type: z.literal('question.escalated'), data: z.object({ questionId: z.string(), dueOn: z.string(), managers: z.number().int() }) }),
  // Incentive points (src/services/points/, docs/points.md); subject = the employee awarded.
  z.object({ type: z.literal('points.awarded'), data: z.object({ awardId: z.string(), employeeId: z.string(), rule: z.string(), points: z.number().int(), subjectType: z.string(), subjectId: z.string(), reason: z.string(), proofId: z.string().optional(), attemptId: z.string().optional() }) }),
  z.object({ type: z.literal('points.rules_changed'), data: z.object({ before: z.record(z.string(), z.number()), after: z.record(z.string(), z.number()) }) }),
  z.object({ type: z.literal('proof.marked_false'), data: z.object({ proofId: z.string(), kind: z.string(), reason: z.string() }) }),
  z.object({ type: z.literal('quiz.submitted'), data: z.object({ attemptId: z.string(), score: z.number().int(), passed: z.boolean(), questions: z.number().int() }) }),
  z.object({ type: z.literal('job.ran'), data: z.object({ name: z.string(), asOf: z.string(), summary: z.string() }) }),
  // A signed tree head over the evidence ledger (src/services/evidence/seal-tree-head.ts).
  z.object({ type: z.literal('evidence.head_signed'), data: z.object({ size: z.number().int(), rootHash: z.string(), keyId: z.string(), tsa: z.boolean() }) }),
  // An evidence pack (zip) was downloaded (src/services/evidence/build-evidence-pack.ts).
  z.object({ type: z.literal('evidence.pack_exported'), data: z.object({ scope: z.string(), entries: z.number().int(), treeSize: z.number().int() }) }),
]);

export type AuditEventInput = z.infer<typeof auditEventSchema>;
export type AuditEventType = AuditEventInput['type'];
export const auditEventTypes = auditEventSchema.options.map((o) => o.shape.type.value) as AuditEventType[];
