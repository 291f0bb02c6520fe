-- Statutory vs company calendar days, and imported State Council notices.
CREATE TYPE "CalendarDayKind" AS ENUM ('STATUTORY', 'COMPANY');

ALTER TABLE "WorkCalendarOverride" ADD COLUMN "kind" "CalendarDayKind" NOT NULL DEFAULT 'COMPANY',
  ADD COLUMN "source" TEXT;
ALTER TABLE "WorkCalendarOverride" DROP CONSTRAINT "WorkCalendarOverride_pkey";
ALTER TABLE "WorkCalendarOverride" ADD CONSTRAINT "WorkCalendarOverride_pkey" PRIMARY KEY ("day", "kind");

CREATE TABLE "HolidayNotice" (
  "year" INTEGER NOT NULL,
  "title" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  "importedBy" TEXT NOT NULL,
  "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "HolidayNotice_pkey" PRIMARY KEY ("year")
);
