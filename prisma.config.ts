// Prisma CLI configuration. The CLI is only used for `prisma generate` here (see README,
// "Prisma offline"); migrations are applied by the app's own migrator (src/db/migrate.ts).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
