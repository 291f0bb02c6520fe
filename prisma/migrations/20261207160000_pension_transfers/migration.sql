-- Cross-region pension transfer cases (国办发〔2009〕66号) and the two roster facts that suggest
-- and flag them: the previous insured city and the hukou province.
CREATE TYPE "TransferDirection" AS ENUM ('INTO', 'OUT_OF');

ALTER TABLE "Employee" ADD COLUMN "previousInsuredCity" TEXT,
ADD COLUMN "hukouProvince" TEXT;

CREATE TABLE "PensionTransfer" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "fromCity" TEXT NOT NULL,
    "toCity" TEXT NOT NULL,
    "direction" "TransferDirection" NOT NULL,
    "startedOn" DATE NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "startedById" TEXT,
    "startedByName" TEXT,
    "applicationSha256" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PensionTransfer_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PensionTransferStep" (
    "id" UUID NOT NULL,
    "transferId" UUID NOT NULL,
    "step" INTEGER NOT NULL,
    "doneOn" DATE,
    "doneAt" TIMESTAMPTZ(3),
    "doneById" TEXT,
    "doneByName" TEXT,

    CONSTRAINT "PensionTransferStep_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "PensionTransfer_employeeId_idx" ON "PensionTransfer"("employeeId");

CREATE INDEX "PensionTransfer_state_idx" ON "PensionTransfer"("state");

CREATE UNIQUE INDEX "PensionTransferStep_transferId_step_key" ON "PensionTransferStep"("transferId", "step");

ALTER TABLE "PensionTransferStep" ADD CONSTRAINT "PensionTransferStep_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "PensionTransfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
