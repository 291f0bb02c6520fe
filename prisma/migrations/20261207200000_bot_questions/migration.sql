-- Employee questions and complaints (社保咨询 / 投诉), answered by HR within a working-day SLA.
CREATE TABLE "EmployeeQuestion" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "departmentId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "dueOn" DATE NOT NULL,
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredByName" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "escalatedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmployeeQuestion_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "EmployeeQuestion_employeeId_idx" ON "EmployeeQuestion"("employeeId");

CREATE INDEX "EmployeeQuestion_state_dueOn_idx" ON "EmployeeQuestion"("state", "dueOn");

CREATE INDEX "EmployeeQuestion_createdAt_idx" ON "EmployeeQuestion"("createdAt");
