-- AlterTable
ALTER TABLE "Employee" ADD COLUMN "enrolmentClockFrom" DATE;

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ApprovalStepStatus" AS ENUM ('WAITING', 'ACTIVE', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "InsuranceExceptionKind" AS ENUM ('WAIVER_REQUEST', 'RETIRED_REHIRE', 'DUAL_EMPLOYMENT');

-- CreateEnum
CREATE TYPE "InsuranceExceptionStatus" AS ENUM ('REMEDIATION', 'DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'LAPSED');

-- CreateTable
CREATE TABLE "Approval" (
    "id" UUID NOT NULL,
    "definition" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" JSONB NOT NULL,
    "submitterId" UUID NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "currentStep" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalStep" (
    "id" UUID NOT NULL,
    "approvalId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "approverIds" UUID[],
    "level" INTEGER NOT NULL DEFAULT 0,
    "slaHours" INTEGER NOT NULL DEFAULT 24,
    "status" "ApprovalStepStatus" NOT NULL DEFAULT 'WAITING',
    "activatedAt" TIMESTAMPTZ(3),
    "remindedAt" TIMESTAMPTZ(3),
    "escalatedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApprovalStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalDecision" (
    "id" UUID NOT NULL,
    "stepId" UUID NOT NULL,
    "approverId" UUID NOT NULL,
    "approverName" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT,
    "channel" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApprovalDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceEntry" (
    "index" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "employeeId" UUID,
    "payloadHash" TEXT NOT NULL,
    "payloadRef" JSONB NOT NULL,
    "metadata" JSONB NOT NULL,
    "leafHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvidenceEntry_pkey" PRIMARY KEY ("index")
);

-- CreateTable
CREATE TABLE "TreeHead" (
    "size" INTEGER NOT NULL,
    "rootHash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "tsaToken" BYTEA,

    CONSTRAINT "TreeHead_pkey" PRIMARY KEY ("size")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "sha256" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "Proof" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "exceptionId" UUID,
    "kind" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "coversMonth" TEXT,
    "uploadedById" UUID NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "evidenceIndex" INTEGER,

    CONSTRAINT "Proof_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "template" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "typedName" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "signatureSha256" TEXT NOT NULL,
    "documentSha256" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "evidenceIndex" INTEGER NOT NULL,

    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InsuranceException" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "kind" "InsuranceExceptionKind" NOT NULL,
    "reasonCategory" TEXT NOT NULL,
    "reasonNote" TEXT,
    "status" "InsuranceExceptionStatus" NOT NULL,
    "approvalId" UUID,
    "reverifyOn" DATE,
    "lapsedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InsuranceException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceTask" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "uniqueKey" TEXT NOT NULL,
    "employeeId" UUID,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "title" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "ownerId" UUID,
    "dueOn" DATE NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ComplianceTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Approval_status_idx" ON "Approval"("status");
CREATE INDEX "Approval_subjectType_subjectId_idx" ON "Approval"("subjectType", "subjectId");
CREATE INDEX "Approval_submitterId_idx" ON "Approval"("submitterId");
CREATE UNIQUE INDEX "ApprovalStep_approvalId_index_key" ON "ApprovalStep"("approvalId", "index");
CREATE INDEX "ApprovalStep_status_activatedAt_idx" ON "ApprovalStep"("status", "activatedAt");
CREATE UNIQUE INDEX "ApprovalDecision_stepId_approverId_key" ON "ApprovalDecision"("stepId", "approverId");
CREATE INDEX "EvidenceEntry_subjectType_subjectId_idx" ON "EvidenceEntry"("subjectType", "subjectId");
CREATE INDEX "EvidenceEntry_employeeId_idx" ON "EvidenceEntry"("employeeId");
CREATE INDEX "Proof_employeeId_idx" ON "Proof"("employeeId");
CREATE INDEX "Proof_exceptionId_idx" ON "Proof"("exceptionId");
CREATE INDEX "Signature_employeeId_idx" ON "Signature"("employeeId");
CREATE INDEX "Signature_subjectType_subjectId_idx" ON "Signature"("subjectType", "subjectId");
CREATE INDEX "InsuranceException_employeeId_idx" ON "InsuranceException"("employeeId");
CREATE INDEX "InsuranceException_status_reverifyOn_idx" ON "InsuranceException"("status", "reverifyOn");
CREATE UNIQUE INDEX "ComplianceTask_uniqueKey_key" ON "ComplianceTask"("uniqueKey");
CREATE INDEX "ComplianceTask_state_kind_idx" ON "ComplianceTask"("state", "kind");
CREATE INDEX "ComplianceTask_employeeId_idx" ON "ComplianceTask"("employeeId");

-- AddForeignKey
ALTER TABLE "ApprovalStep" ADD CONSTRAINT "ApprovalStep_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "Approval"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApprovalDecision" ADD CONSTRAINT "ApprovalDecision_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ApprovalStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The evidence ledger is append-only: any UPDATE, DELETE or TRUNCATE is refused, whoever asks.
CREATE FUNCTION "evidence_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'evidence ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "EvidenceEntry_append_only" BEFORE UPDATE OR DELETE ON "EvidenceEntry"
  FOR EACH ROW EXECUTE FUNCTION "evidence_append_only"();
CREATE TRIGGER "EvidenceEntry_no_truncate" BEFORE TRUNCATE ON "EvidenceEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "evidence_append_only"();
CREATE TRIGGER "TreeHead_append_only" BEFORE UPDATE OR DELETE ON "TreeHead"
  FOR EACH ROW EXECUTE FUNCTION "evidence_append_only"();
CREATE TRIGGER "TreeHead_no_truncate" BEFORE TRUNCATE ON "TreeHead"
  FOR EACH STATEMENT EXECUTE FUNCTION "evidence_append_only"();
