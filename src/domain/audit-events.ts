// Every audit event type with its own schema. The log is the source for timelines and
// evidence packs, so an event that does not match its schema is never written.
import { z } from 'zod';

const status = z.enum(['ONBOARDING', 'ACTIVE', 'UNPAID_LEAVE', 'PENDING_EXIT', 'ABSCONDED', 'EXITED']);
const platform = z.enum(['wecom', 'dingtalk', 'sandbox']);
const reconciliationTask = z.object({ uniqueKey: z.string(), kind: z.string(), month: z.string() });

export const auditEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('employee.created'), data: z.object({ employeeNo: z.string(), name: z.string(), source: z.enum(['api', 'import', 'seed', 'directory']) }) }),
  z.object({ type: z.literal('employee.updated'), data: z.object({ employeeNo: z.string(), fields: z.array(z.string()).min(1), source: z.enum(['api', 'import', 'directory']) }) }),
  z.object({ type: z.literal('employee.status_changed'), data: z.object({ employeeNo: z.string(), from: status, to: status, reason: z.string().min(1) }) }),
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
  z.object({ type: z.literal('job.ran'), data: z.object({ name: z.string(), asOf: z.string(), summary: z.string() }) }),
]);

export type AuditEventInput = z.infer<typeof auditEventSchema>;
export type AuditEventType = AuditEventInput['type'];
export const auditEventTypes = auditEventSchema.options.map((o) => o.shape.type.value) as AuditEventType[];
