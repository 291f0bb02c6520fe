-- Deliveries acked but never handled (the process died in between) are handled again.
ALTER TABLE "InboundDelivery" ADD COLUMN "redrivenAt" TIMESTAMPTZ(3),
ADD COLUMN "redriveCount" INTEGER NOT NULL DEFAULT 0;

-- Only the unhandled few are indexed: the redrive scans them every minute.
CREATE INDEX "InboundDelivery_unhandled_idx" ON "InboundDelivery"("receivedAt") WHERE "handledAt" IS NULL;

-- A question typed in chat is stored once per delivery, however often it is handled.
ALTER TABLE "EmployeeQuestion" ADD COLUMN "sourceKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "EmployeeQuestion_sourceKey_key" ON "EmployeeQuestion"("sourceKey");
