-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "contractEnd" DATE,
ADD COLUMN     "contractStart" DATE,
ADD COLUMN     "probationEnd" DATE;

-- AlterTable
ALTER TABLE "ExitProcess" ADD COLUMN     "ground" TEXT,
ADD COLUMN     "proposedBy" TEXT;
