import type { Env } from '../config.ts';
import { configuredPlatforms } from '../platforms/configured-platforms.ts';
import type { Secrets } from '../secrets.ts';

/** What a person needs after `npm start`: where everything is and how to call the API. */
export function printStartupBanner(
  out: { write(s: string): unknown },
  info: { env: Env; secrets: Pick<Secrets, 'adminToken' | 'adminTokenCreated' | 'sources'>; seed: { seeded: boolean; message: string }; embedded: boolean; setup?: string[] },
): void {
  const base = info.env.PUBLIC_BASE_URL;
  const platforms = configuredPlatforms(info.env);
  const token = adminTokenLines(info.secrets);
  const lines = [
    '',
    'shebao-sentinel 社保哨兵 is running',
    `  H5 mini-app     ${base}/app/`,
    `  Sandbox chat    ${base}/sandbox${platforms.length ? '  (inactive: platforms configured)' : ''}`,
    `  API docs        ${base}/api/v1/openapi.json`,
    `  Health          ${base}/healthz   ${base}/readyz`,
    `  Admin token     ${token.shown}`,
    `  Try             curl -H "Authorization: Bearer ${token.inCurl}" ${base}/api/v1/employees`,
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

/**
 * The admin token is a password: it is shown once, on the start that generated it (a person is
 * watching the terminal then), and afterwards only where to find it, so restarts, supervisors and
 * log collectors never capture it. Nothing here goes through the JSON logger.
 */
function adminTokenLines(secrets: Pick<Secrets, 'adminToken' | 'adminTokenCreated' | 'sources'>): { shown: string; inCurl: string } {
  if (secrets.sources.adminToken === 'env') return { shown: 'from ADMIN_TOKEN', inCurl: '$ADMIN_TOKEN' };
  const file = secrets.sources.adminToken;
  if (secrets.adminTokenCreated) return { shown: `${secrets.adminToken}   (shown this once; saved in ${file})`, inCurl: secrets.adminToken };
  return { shown: `in ${file} (npx sentinel keys show)`, inCurl: `$(cat ${file})` };
}
