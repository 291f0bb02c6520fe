-- Identity documents (居民身份证, 港澳台居民居住证, passports) and the facts the working-age and
-- statutory-retirement rules need. birthDate and sex of employees recorded before this migration
-- are filled from their sealed ID numbers by the daily retirement check (it can decrypt; SQL cannot).
CREATE TYPE "IdType" AS ENUM ('resident_id', 'residence_permit', 'passport');
CREATE TYPE "Sex" AS ENUM ('male', 'female');
CREATE TYPE "RetirementCategory" AS ENUM ('male', 'female_worker', 'female_cadre');

ALTER TABLE "Employee" ADD COLUMN "idType" "IdType" NOT NULL DEFAULT 'resident_id',
ADD COLUMN "birthDate" DATE,
ADD COLUMN "sex" "Sex",
ADD COLUMN "retirementCategory" "RetirementCategory";

CREATE INDEX "Employee_birthDate_idx" ON "Employee"("birthDate");
