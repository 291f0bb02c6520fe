// A file named on the command line, or a Chinese message on stderr saying what to check.
import { readFile } from 'node:fs/promises';
import type { CliIo } from './main.ts';

/** The file's UTF-8 text, or undefined after telling the user (missing file, no permission). */
export async function readTextFile(file: string, io: CliIo): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.err.write(code === 'ENOENT' ? `找不到文件 ${file}，请检查路径\n` : `无法读取文件 ${file}，请检查文件权限\n`);
    return undefined;
  }
}
