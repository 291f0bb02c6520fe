-- Per-member send times for the chat recipient limiter, shared by every instance.
CREATE TABLE "MemberRateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "sentAt" TIMESTAMPTZ(3)[],
    "lastSentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MemberRateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "MemberRateLimit_lastSentAt_idx" ON "MemberRateLimit"("lastSentAt");
