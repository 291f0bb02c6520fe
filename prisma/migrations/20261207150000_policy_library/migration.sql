-- The policy library (issue 17): a city's full policy per period of months — rates per insurance
-- and side, rounding, due day, late-fee method, the wages of 劳动合同法 第四十七条 — and whether
-- its figures were checked against the official notice.
ALTER TABLE "CityPolicy" ADD COLUMN "cityCode" TEXT,
ADD COLUMN "rates" JSONB,
ADD COLUMN "rounding" TEXT NOT NULL DEFAULT 'fen',
ADD COLUMN "dueDay" INTEGER,
ADD COLUMN "lateFee" JSONB,
ADD COLUMN "averageMonthlyWageFen" INTEGER,
ADD COLUMN "minimumWageFen" INTEGER,
ADD COLUMN "verified" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "sourceUrl" DROP NOT NULL;
