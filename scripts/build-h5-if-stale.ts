// Builds the H5 when dist/h5 is missing or was built from other sources. Staleness is a hash
// of the inputs written next to the output (dist/h5/.build-stamp), not file times: a fresh
// checkout, a copied tree or a skewed clock would fool an mtime comparison.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const VITE_CONFIG = 'src/h5/vite.config.ts';
const STAMP = 'dist/h5/.build-stamp';

/** Inputs of the build. The lockfile is one because a vant or vue upgrade changes the output. */
const INPUT_DIRS = ['src/h5'];
// Shared pure-data modules the H5 bundle imports from the server side count too.
const INPUT_FILES = ['app.json', 'package-lock.json', 'src/domain/role-labels.ts'];

export interface BuildH5Options {
  /** Repository root (where package.json and app.json live). */
  root: string;
  log: (message: string) => void;
}

/**
 * @example await buildH5IfStale({ root, log: (m) => logger.info(m) });
 * @returns whether a build ran.
 */
export async function buildH5IfStale({ root, log }: BuildH5Options): Promise<boolean> {
  const hash = hashH5Sources(root);
  const stampPath = join(root, STAMP);
  const built = existsSync(join(root, 'dist/h5/index.html')) && existsSync(stampPath);
  if (built && readFileSync(stampPath, 'utf8').trim() === hash) return false;
  log(built ? 'H5 sources changed since the last build; rebuilding dist/h5' : 'H5 not built yet; building dist/h5');
  const started = Date.now();
  await runViteBuild(root);
  // Written after the build because vite empties dist/h5 first.
  writeFileSync(stampPath, `${hash}\n`);
  log(`H5 built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** sha256 over the relative path and content of every input file, in a stable order. */
export function hashH5Sources(root: string): string {
  const files = [...INPUT_DIRS.flatMap((dir) => listFiles(join(root, dir))), ...INPUT_FILES.map((f) => join(root, f)).filter((f) => existsSync(f))];
  const hash = createHash('sha256');
  for (const file of files.map((f) => relative(root, f)).sort()) {
    hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !join(entry.parentPath, entry.name).includes('/node_modules/'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function runViteBuild(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['vite', 'build', '--config', VITE_CONFIG], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => reject(new Error(`could not start the H5 build (npx vite): ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`H5 build failed (exit ${code}); run npm run build:h5 to see the full output.\n${output}`));
    });
  });
}

if (import.meta.main) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const ran = await buildH5IfStale({ root, log: (m) => console.log(m) });
  if (!ran) console.log('H5 is up to date (dist/h5)');
}
