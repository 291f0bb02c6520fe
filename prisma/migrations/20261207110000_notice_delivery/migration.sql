-- AlterTable
ALTER TABLE "ExitStep" ADD COLUMN     "answerLastDay" DATE,
ADD COLUMN     "deliveredOn" DATE,
ADD COLUMN     "deliveredVia" TEXT;
