// Issue 13 §6: the admin token is shown on the start that generated it, never afterwards.
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config.ts';
import { printStartupBanner } from '../../src/server/startup-banner.ts';

const TOKEN = 'generated-token-0123456789abcdef';
const banner = (secrets: { adminTokenCreated: boolean; sources: { adminToken: string; masterKey: string } }, env: Record<string, string> = {}) => {
  let out = '';
  printStartupBanner({ write: (s: string) => (out += s) }, { env: parseEnv(env), secrets: { adminToken: TOKEN, ...secrets }, seed: { seeded: false, message: 'nothing seeded' }, embedded: true });
  return out;
};

describe('startup banner', () => {
  it('shows a freshly generated admin token once, with where it is saved', () => {
    const out = banner({ adminTokenCreated: true, sources: { adminToken: 'data/admin-token', masterKey: 'data/master.key' } });
    expect(out).toContain(`Admin token     ${TOKEN}   (shown this once; saved in data/admin-token)`);
    expect(out).toContain(`curl -H "Authorization: Bearer ${TOKEN}"`);
  });

  it('on later starts says where the token is, without it', () => {
    const out = banner({ adminTokenCreated: false, sources: { adminToken: 'data/admin-token', masterKey: 'data/master.key' } });
    expect(out).not.toContain(TOKEN);
    expect(out).toContain('Admin token     in data/admin-token (npx sentinel keys show)');
    expect(out).toContain('curl -H "Authorization: Bearer $(cat data/admin-token)"');
  });

  it('never shows a token that came from ADMIN_TOKEN', () => {
    const out = banner({ adminTokenCreated: false, sources: { adminToken: 'env', masterKey: 'env' } }, { ADMIN_TOKEN: TOKEN });
    expect(out).not.toContain(TOKEN);
    expect(out).toContain('Admin token     from ADMIN_TOKEN');
  });
});
