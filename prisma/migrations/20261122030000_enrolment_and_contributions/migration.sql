-- CreateEnum
CREATE TYPE "InsuranceType" AS ENUM ('PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'INJURY', 'MATERNITY');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('ENROLLED', 'STOPPED');

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "insuranceType" "InsuranceType" NOT NULL,
    "city" TEXT,
    "contractEntity" TEXT,
    "enrolledOn" DATE NOT NULL,
    "stoppedOn" DATE,
    "status" "EnrolmentStatus" NOT NULL DEFAULT 'ENROLLED',
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnrolmentChange" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "fromStatus" "EnrolmentStatus",
    "toStatus" "EnrolmentStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnrolmentChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "uniqueKey" TEXT NOT NULL,
    "employeeId" UUID NOT NULL,
    "dueOn" DATE NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "cardKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkCalendarOverride" (
    "day" DATE NOT NULL,
    "isWorkday" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkCalendarOverride_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "ContributionRecord" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "insuranceType" "InsuranceType" NOT NULL,
    "baseFen" INTEGER NOT NULL,
    "employerFen" INTEGER NOT NULL,
    "employeeFen" INTEGER NOT NULL,
    "city" TEXT,
    "payerEntity" TEXT,
    "sourceFile" TEXT NOT NULL,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContributionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CityPolicy" (
    "id" UUID NOT NULL,
    "city" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "baseFloorFen" INTEGER NOT NULL,
    "baseCeilingFen" INTEGER NOT NULL,
    "cutoffDay" INTEGER,
    "sourceUrl" TEXT NOT NULL,

    CONSTRAINT "CityPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationTask" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "uniqueKey" TEXT NOT NULL,
    "employeeId" UUID,
    "month" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "ownerId" UUID,
    "dueOn" DATE NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "cardKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReconciliationTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_employeeId_insuranceType_key" ON "Enrolment"("employeeId", "insuranceType");

-- CreateIndex
CREATE INDEX "Enrolment_status_idx" ON "Enrolment"("status");

-- CreateIndex
CREATE INDEX "EnrolmentChange_enrolmentId_at_idx" ON "EnrolmentChange"("enrolmentId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_uniqueKey_key" ON "Alert"("uniqueKey");

-- CreateIndex
CREATE INDEX "Alert_employeeId_kind_idx" ON "Alert"("employeeId", "kind");

-- CreateIndex
CREATE INDEX "Alert_state_idx" ON "Alert"("state");

-- CreateIndex
CREATE UNIQUE INDEX "ContributionRecord_employeeId_month_insuranceType_key" ON "ContributionRecord"("employeeId", "month", "insuranceType");

-- CreateIndex
CREATE INDEX "ContributionRecord_month_idx" ON "ContributionRecord"("month");

-- CreateIndex
CREATE UNIQUE INDEX "CityPolicy_city_effectiveFrom_key" ON "CityPolicy"("city", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "ReconciliationTask_uniqueKey_key" ON "ReconciliationTask"("uniqueKey");

-- CreateIndex
CREATE INDEX "ReconciliationTask_state_kind_idx" ON "ReconciliationTask"("state", "kind");

-- CreateIndex
CREATE INDEX "ReconciliationTask_employeeId_idx" ON "ReconciliationTask"("employeeId");

-- AddForeignKey
ALTER TABLE "EnrolmentChange" ADD CONSTRAINT "EnrolmentChange_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
