// The linter keeps the layers of ARCHITECTURE.md: an upward import fails `npm run lint`.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['src/domain/probe.ts', "import type { ServiceDeps } from '../services/deps.ts';\nexport type X = ServiceDeps;\n"],
    ['src/documents/probe.ts', "import type { ServiceDeps } from '../services/deps.ts';\nexport type X = ServiceDeps;\n"],
    ['src/crypto/probe.ts', "import type { ServiceDeps } from '../services/deps.ts';\nexport type X = ServiceDeps;\n"],
    ['src/services/probe.ts', "import { listeners } from '../listeners/index.ts';\nexport const y = listeners;\n"],
    ['src/receivers/probe.ts', "import type { ServiceDeps } from '../services/deps.ts';\nexport type X = ServiceDeps;\n"],
  ])('refuses an upward import from %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toHaveLength(1);
  });

  it('lets a layer import from below it', async () => {
    expect(await layerErrors('src/services/probe.ts', "import { formatDay } from '../domain/dates.ts';\nexport const f = formatDay;\n")).toEqual([]);
    expect(await layerErrors('src/http/probe.ts', "import type { ServiceDeps } from '../services/deps.ts';\nexport type X = ServiceDeps;\n")).toEqual([]);
  });
});
