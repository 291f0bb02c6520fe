import type { Env } from './config.ts';
import { configuredPlatforms } from './platforms/configured-platforms.ts';

/** What a person needs after `npm start`: where everything is and how to call the API. */
export function printStartupBanner(
  out: { write(s: string): unknown },
  info: { env: Env; adminToken: string; seed: { seeded: boolean; message: string }; embedded: boolean; setup?: string[] },
): void {
  const base = info.env.PUBLIC_BASE_URL;
  const platforms = configuredPlatforms(info.env);
  const lines = [
    '',
    'shebao-sentinel 社保哨兵 is running',
    `  H5 mini-app     ${base}/app/`,
    `  Sandbox chat    ${base}/sandbox${platforms.length ? '  (inactive: platforms configured)' : ''}`,
    `  API docs        ${base}/api/v1/openapi.json`,
    `  Health          ${base}/healthz   ${base}/readyz`,
    `  Admin token     ${info.adminToken}`,
    `  Try             curl -H "Authorization: Bearer ${info.adminToken}" ${base}/api/v1/employees`,
    `  Chat platforms  ${platforms.length ? platforms.join(', ') : 'none configured → sandbox chat and dev login are active'}`,
    `  Database        ${info.embedded ? `embedded PostgreSQL in ${info.env.DATA_DIR}/pg` : 'DATABASE_URL'}`,
    `  Demo data       ${info.seed.message}`,
    `  Scheduler       ${info.env.SCHEDULER === 'on' ? `on (${info.env.BUSINESS_TZ})` : 'off'}`,
    ...(info.setup ?? []).map((l) => `  ${l}`),
    '  Stop with Ctrl-C (stops the embedded database cleanly).',
    '',
  ];
  out.write(`${lines.join('\n')}\n`);
}
