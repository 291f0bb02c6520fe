-- Rate-limit counters shared by every instance: public evidence verification, H5 logins and
-- failed bearer tokens (src/http/rate-limits.ts).
CREATE TABLE "RateLimitBucket" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMPTZ(3),

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "RateLimitBucket_expire_idx" ON "RateLimitBucket"("expire");
