-- Issue 6 (attendance, workday calendar, absence detection).

-- CreateTable
CREATE TABLE "WorkSite" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "coordSystem" TEXT NOT NULL DEFAULT 'wgs84',
    "radiusM" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkSite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceRecord" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "flags" TEXT[],
    "locationEnc" TEXT,
    "distanceM" INTEGER,
    "insideFence" BOOLEAN,
    "siteId" UUID,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttendanceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaveRecord" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "fromDay" DATE NOT NULL,
    "toDay" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "approved" BOOLEAN NOT NULL DEFAULT true,
    "source" TEXT NOT NULL DEFAULT 'hr',
    "note" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaveRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceSyncCursor" (
    "platform" "Platform" NOT NULL,
    "syncedUntil" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AttendanceSyncCursor_pkey" PRIMARY KEY ("platform")
);

-- CreateTable
CREATE TABLE "AbsenceCase" (
    "id" UUID NOT NULL,
    "uniqueKey" TEXT NOT NULL,
    "employeeId" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "firstAbsentDay" DATE NOT NULL,
    "lastCheckedDay" DATE NOT NULL,
    "absentDays" INTEGER NOT NULL,
    "days" TEXT[],
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "managerDueAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AbsenceCase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WorkSite_name_key" ON "WorkSite"("name");
CREATE UNIQUE INDEX "AttendanceRecord_source_sourceId_key" ON "AttendanceRecord"("source", "sourceId");
CREATE INDEX "AttendanceRecord_employeeId_day_idx" ON "AttendanceRecord"("employeeId", "day");
CREATE INDEX "AttendanceRecord_day_idx" ON "AttendanceRecord"("day");
CREATE INDEX "LeaveRecord_employeeId_fromDay_idx" ON "LeaveRecord"("employeeId", "fromDay");
CREATE UNIQUE INDEX "AbsenceCase_uniqueKey_key" ON "AbsenceCase"("uniqueKey");
CREATE INDEX "AbsenceCase_employeeId_state_idx" ON "AbsenceCase"("employeeId", "state");
CREATE INDEX "AbsenceCase_state_managerDueAt_idx" ON "AbsenceCase"("state", "managerDueAt");
