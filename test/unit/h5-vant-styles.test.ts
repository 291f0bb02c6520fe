// The H5 imports only the stylesheets of the Vant components it uses (src/h5/vant-styles.ts), not
// Vant's full stylesheet. A component imported from 'vant' without its line there renders unstyled,
// which no type check notices: this test does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vantStyleDirs, vantImportsOf } from '../helpers/vant-imports.ts';

const h5Dir = join(import.meta.dirname, '../../src/h5');
const sources = readdirSync(h5Dir, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(vue|ts)$/.test(file))
  .map((file) => readFileSync(join(h5Dir, file), 'utf8'));
const styled = new Set([...readFileSync(join(h5Dir, 'vant-styles.ts'), 'utf8').matchAll(/'vant\/es\/([a-z-]+)\/style\/index'/g)].map((m) => m[1]));

describe('H5 Vant styles', () => {
  it('lists the stylesheet of every Vant component and function the H5 imports', () => {
    const used = new Set(sources.flatMap((source) => vantImportsOf(source)).flatMap((name) => vantStyleDirs(name)));
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((dir) => !styled.has(dir))).toEqual([]);
  });

  it('does not load Vant\'s full stylesheet anywhere', () => {
    expect(sources.filter((source) => source.includes('vant/lib/index.css'))).toEqual([]);
  });

  it('maps component and function names to their style folders', () => {
    expect(vantImportsOf("import { Button, CellGroup, showConfirmDialog, type PickerOption } from 'vant';")).toEqual(['Button', 'CellGroup', 'showConfirmDialog']);
    expect(vantImportsOf("import type { TagType } from 'vant';")).toEqual([]);
    expect(['CellGroup', 'showFailToast', 'closeToast', 'showConfirmDialog'].flatMap(vantStyleDirs)).toEqual(['cell-group', 'toast', 'toast', 'dialog']);
  });
});
