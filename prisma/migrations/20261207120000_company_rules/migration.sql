-- AlterTable
ALTER TABLE "ExitStep" ADD COLUMN     "companyAnswer" TEXT,
ADD COLUMN     "companyAnsweredOn" DATE,
ADD COLUMN     "notifiedBody" TEXT;

-- CreateTable
CREATE TABLE "CompanyRule" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "article" TEXT NOT NULL,
    "documentSha256" TEXT NOT NULL,
    "documentName" TEXT NOT NULL,
    "adoptedOn" DATE NOT NULL,
    "adoptionMethod" TEXT NOT NULL,
    "minutesSha256" TEXT NOT NULL,
    "minutesName" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "uploadedByName" TEXT NOT NULL,
    "evidenceIndex" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMPTZ(3),

    CONSTRAINT "CompanyRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CompanyRule_kind_version_key" ON "CompanyRule"("kind", "version");
