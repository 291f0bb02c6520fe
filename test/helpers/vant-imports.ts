// Names imported from 'vant' in a source file, and the vant/es/<dir>/style folder each needs
// (used by test/unit/h5-vant-styles.test.ts).

/** Value imports only: `import type {…}` and `type X` specifiers need no stylesheet. */
export function vantImportsOf(source: string): string[] {
  return [...source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'vant'/g)]
    .filter((m) => !m[1])
    .flatMap((m) => m[2]!.split(',').map((s) => s.trim()))
    .filter((name) => name && !name.startsWith('type '));
}

/** showFailToast, closeToast → toast; showConfirmDialog → dialog; CellGroup → cell-group. */
export function vantStyleDirs(name: string): string[] {
  const api = /^(?:show|close)\w*?(Toast|Dialog|Notify|ImagePreview)$/.exec(name);
  const component = api ? api[1]! : name;
  return [component.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()];
}
