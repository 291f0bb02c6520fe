-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "availableAt" TIMESTAMPTZ(3);
