-- Incentive points and the social-insurance knowledge quiz (docs/points.md).
ALTER TABLE "Proof" ADD COLUMN     "falseAt" TIMESTAMPTZ(3),
ADD COLUMN     "falseById" TEXT,
ADD COLUMN     "falseByName" TEXT,
ADD COLUMN     "falseReason" TEXT;

CREATE TABLE "PointAward" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "awardedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointAward_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "QuizAttempt" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "questionIds" TEXT[],
    "answers" JSONB,
    "score" INTEGER,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "submittedAt" TIMESTAMPTZ(3),

    CONSTRAINT "QuizAttempt_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "PointAward_employeeId_awardedAt_idx" ON "PointAward"("employeeId", "awardedAt");

CREATE INDEX "PointAward_awardedAt_idx" ON "PointAward"("awardedAt");

CREATE UNIQUE INDEX "PointAward_rule_subjectType_subjectId_employeeId_key" ON "PointAward"("rule", "subjectType", "subjectId", "employeeId");

CREATE INDEX "QuizAttempt_employeeId_startedAt_idx" ON "QuizAttempt"("employeeId", "startedAt");
