-- A run killed mid-way left its JobRun slot claimed and unfinished, so `job run --once` skipped
-- the rest of that day's work. The running process now renews a heartbeat; an unfinished slot
-- whose heartbeat stopped (or that never had one) is taken over by the next claim.
ALTER TABLE "JobRun" ADD COLUMN "heartbeatAt" TIMESTAMPTZ(3);
