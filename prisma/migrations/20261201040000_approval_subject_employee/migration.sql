-- The employee an approval is about, as a column: it was only on the approval.submitted audit
-- event, and finding it there read the whole audit log.
ALTER TABLE "Approval" ADD COLUMN "subjectEmployeeId" UUID;

-- Backfill approvals submitted before this column existed.
UPDATE "Approval" a SET "subjectEmployeeId" = e."subjectId"::uuid
FROM "AuditEvent" e
WHERE e.type = 'approval.submitted' AND e.data->>'approvalId' = a.id::text
  AND e."subjectType" = 'employee' AND e."subjectId" IS NOT NULL;
