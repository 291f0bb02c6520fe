-- Issue 6: exit processes (absence chain, resignation, mutual agreement) and every leaver's checklist.

-- CreateTable
CREATE TABLE "ExitProcess" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "absenceCaseId" UUID,
    "absentDays" INTEGER,
    "firstAbsentOn" DATE,
    "reason" TEXT,
    "requestedOn" DATE,
    "noticeDays" INTEGER,
    "exitDate" DATE,
    "deadline" DATE,
    "approvalId" UUID,
    "note" TEXT,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ExitProcess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExitStep" (
    "id" UUID NOT NULL,
    "processId" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "documentSha256" TEXT,
    "deadline" DATE,
    "sentAt" TIMESTAMPTZ(3),
    "sentById" TEXT,
    "sentByName" TEXT,
    "messageKey" TEXT,
    "channels" JSONB NOT NULL DEFAULT '[]',
    "readAt" TIMESTAMPTZ(3),
    "readIp" TEXT,
    "readUserAgent" TEXT,
    "answer" TEXT,
    "answerReturnOn" DATE,
    "answerNote" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "notifiedOn" DATE,
    "unionReply" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExitStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExitTask" (
    "id" UUID NOT NULL,
    "processId" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "ownerId" UUID,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "remindedAt" TIMESTAMPTZ(3),
    "escalatedAt" TIMESTAMPTZ(3),
    "doneAt" TIMESTAMPTZ(3),
    "doneById" TEXT,
    "doneByName" TEXT,
    "note" TEXT,
    "uniqueKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExitTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExitProcess_absenceCaseId_key" ON "ExitProcess"("absenceCaseId");
CREATE INDEX "ExitProcess_employeeId_idx" ON "ExitProcess"("employeeId");
CREATE INDEX "ExitProcess_state_deadline_idx" ON "ExitProcess"("state", "deadline");
CREATE INDEX "ExitStep_employeeId_idx" ON "ExitStep"("employeeId");
CREATE UNIQUE INDEX "ExitStep_processId_kind_key" ON "ExitStep"("processId", "kind");
CREATE UNIQUE INDEX "ExitTask_uniqueKey_key" ON "ExitTask"("uniqueKey");
CREATE INDEX "ExitTask_processId_idx" ON "ExitTask"("processId");
CREATE INDEX "ExitTask_state_dueOn_idx" ON "ExitTask"("state", "dueOn");

-- AddForeignKey
ALTER TABLE "ExitStep" ADD CONSTRAINT "ExitStep_processId_fkey" FOREIGN KEY ("processId") REFERENCES "ExitProcess"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExitTask" ADD CONSTRAINT "ExitTask_processId_fkey" FOREIGN KEY ("processId") REFERENCES "ExitProcess"("id") ON DELETE CASCADE ON UPDATE CASCADE;
