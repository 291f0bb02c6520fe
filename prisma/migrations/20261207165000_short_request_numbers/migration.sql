-- AlterTable
ALTER TABLE "InsuranceException" ADD COLUMN     "requestNo" SERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "InsuranceException_requestNo_key" ON "InsuranceException"("requestNo");
