-- The lawful "not enrolled here" categories beyond the pensioner and dual employment
-- (reference/law.md: part-time, student interns, dispatched workers, foreign nationals under a
-- bilateral agreement, over-age workers without a pension), and the month a dual-employment
-- exception's original employer stopped paying.

-- AlterEnum
ALTER TYPE "InsuranceExceptionKind" ADD VALUE 'PART_TIME';
ALTER TYPE "InsuranceExceptionKind" ADD VALUE 'STUDENT_INTERN';
ALTER TYPE "InsuranceExceptionKind" ADD VALUE 'DISPATCHED';
ALTER TYPE "InsuranceExceptionKind" ADD VALUE 'FOREIGN_AGREEMENT';
ALTER TYPE "InsuranceExceptionKind" ADD VALUE 'OVER_AGE_NO_PENSION';

-- AlterTable
ALTER TABLE "InsuranceException" ADD COLUMN "otherEmployerStoppedMonth" TEXT;
