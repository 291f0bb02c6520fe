-- Leave approved in WeCom or DingTalk is synced into LeaveRecord, once per platform record.
ALTER TABLE "LeaveRecord" ADD COLUMN "sourceId" TEXT;

CREATE UNIQUE INDEX "LeaveRecord_source_sourceId_key" ON "LeaveRecord"("source", "sourceId");
