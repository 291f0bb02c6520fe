// `prisma generate` without network: the CLI insists on locating a native schema engine,
// which it would download. Generation itself does not use that engine, so any existing
// file satisfies the check (see docs/operations.md, "Schema changes (Prisma offline)").
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync('npx', ['prisma', 'generate'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url) },
});
