// npm itself runs on the system Node (often older), while every script runs on the pinned node@24.
// npm 11 checks engines only against its own Node, so .npmrc keeps npm to errors: `npm ci` and
// `npx sentinel` print no EBADENGINE warnings, while `engines` still says which Node runs the app.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; engines: { node: string } };
const npmrc = readFileSync('.npmrc', 'utf8');

describe('npm engine check', () => {
  it('pins Node 24 in engines and keeps npm to errors', () => {
    expect(npmrc).toMatch(/^loglevel=error$/m);
    expect(pkg.engines.node).toBe('>=24 <25');
    expect(pkg.dependencies.node).toMatch(/^24\./);
  });

  it('prints no EBADENGINE warning when npm runs a script, whatever Node npm itself runs on', () => {
    // Drop node_modules/.bin from PATH so npm runs on the machine's own Node, as a user's npm does.
    const PATH = (process.env.PATH ?? '').split(':').filter((dir) => !dir.includes('node_modules')).join(':');
    const run = spawnSync('npm', ['exec', '--', 'sentinel', '--help'], { encoding: 'utf8', env: { ...process.env, PATH } });
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('EBADENGINE');
  }, 60_000);
});
