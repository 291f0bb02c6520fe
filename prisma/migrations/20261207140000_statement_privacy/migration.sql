-- Monthly statement pushes (社会保险法 第六十条), privacy-notice acknowledgements and lawful file
-- deletions at the end of a retention period (个人信息保护法 第十七条、第十九条、第四十七条).
CREATE TABLE "StatementNotice" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "queuedAt" TIMESTAMPTZ(3) NOT NULL,
    "deliveredAt" TIMESTAMPTZ(3),
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "StatementNotice_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PrivacyAcknowledgement" (
    "employeeId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PrivacyAcknowledgement_pkey" PRIMARY KEY ("employeeId","version")
);

CREATE TABLE "FileDeletion" (
    "sha256" TEXT NOT NULL,
    "employeeId" UUID,
    "recordType" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "deletedAt" TIMESTAMPTZ(3) NOT NULL,
    "evidenceIndex" INTEGER NOT NULL,

    CONSTRAINT "FileDeletion_pkey" PRIMARY KEY ("sha256")
);

CREATE INDEX "StatementNotice_month_idx" ON "StatementNotice"("month");

CREATE UNIQUE INDEX "StatementNotice_employeeId_month_key" ON "StatementNotice"("employeeId", "month");
