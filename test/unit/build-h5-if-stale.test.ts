// npm start rebuilds the H5 only when its sources changed; the decision is a content hash.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildH5IfStale, hashH5Sources } from '../../scripts/build-h5-if-stale.ts';

let root: string;

function fakeRepo(): string {
  root = mkdtempSync(join(tmpdir(), 'h5-stale-'));
  mkdirSync(join(root, 'src/h5/pages'), { recursive: true });
  writeFileSync(join(root, 'src/h5/main.ts'), 'export {};\n');
  writeFileSync(join(root, 'src/h5/pages/MePage.vue'), '<template>我的</template>\n');
  writeFileSync(join(root, 'app.json'), '{"h5":{}}\n');
  return root;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('hashH5Sources', () => {
  it('changes when a page or app.json changes', () => {
    const dir = fakeRepo();
    const before = hashH5Sources(dir);
    writeFileSync(join(dir, 'src/h5/pages/MePage.vue'), '<template>我的档案</template>\n');
    const afterPage = hashH5Sources(dir);
    writeFileSync(join(dir, 'app.json'), '{"h5":{"home":"/me"}}\n');
    expect(new Set([before, afterPage, hashH5Sources(dir)]).size).toBe(3);
  });

  it('ignores file times, so a fresh checkout does not look stale', () => {
    const dir = fakeRepo();
    const before = hashH5Sources(dir);
    utimesSync(join(dir, 'src/h5/main.ts'), new Date(), new Date(Date.now() + 86_400_000));
    expect(hashH5Sources(dir)).toBe(before);
  });

  it('changes when a file is renamed even if the content is the same', () => {
    const dir = fakeRepo();
    const before = hashH5Sources(dir);
    rmSync(join(dir, 'src/h5/main.ts'));
    writeFileSync(join(dir, 'src/h5/entry.ts'), 'export {};\n');
    expect(hashH5Sources(dir)).not.toBe(before);
  });
});

describe('buildH5IfStale', () => {
  it('does not rebuild when the stamp matches the sources', async () => {
    const dir = fakeRepo();
    mkdirSync(join(dir, 'dist/h5'), { recursive: true });
    writeFileSync(join(dir, 'dist/h5/index.html'), '<!doctype html>');
    writeFileSync(join(dir, 'dist/h5/.build-stamp'), `${hashH5Sources(dir)}\n`);
    const logs: string[] = [];
    expect(await buildH5IfStale({ root: dir, log: (m) => logs.push(m) })).toBe(false);
    expect(logs).toEqual([]);
  });
});
