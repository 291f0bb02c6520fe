// Opens an uploaded zip (an evidence pack, an .xlsx) without trusting what it says about itself.
// A zip declares each entry's inflated size, and a bomb declares a small one: so every entry is
// inflated through a counter that fails the stream the moment it passes the declared size, and
// the declared sizes together must stay under the caller's limit. Memory stays at a chunk or two
// per open stream whatever the archive claims.
import { Transform, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { AppError } from '../../errors.ts';

/** Larger than zlib's 16 KB default: a quarter of the callbacks for the same bytes, still small. */
const INFLATE_CHUNK = 64 * 1024;

export type ZipProblem =
  | { kind: 'unreadable'; detail: string }
  | { kind: 'too_many_entries'; count: number }
  | { kind: 'too_large' }
  | { kind: 'unsafe_name'; name: string }
  | { kind: 'duplicate_name'; name: string }
  | { kind: 'corrupt'; name: string; detail: string };

export interface ZipLimits {
  /** Inflated bytes of all entries together. */
  maxBytes: number;
  maxEntries: number;
  /** The caller's words for each problem: an evidence pack and a workbook are refused differently. */
  refuse(problem: ZipProblem): AppError;
}

export interface BoundedZip {
  /** File entries (folders left out), in central-directory order, with their declared sizes. */
  entries: { name: string; size: number }[];
  /** The inflated bytes of one entry; the stream errors with `refuse` past its declared size. */
  open(name: string): Promise<Readable>;
  /** Inflates every entry once, keeping nothing: proves the declared sizes before any parser runs. */
  verify(): Promise<void>;
  close(): void;
}

/**
 * `source`: the bytes, or the path of a zip file on disk (read as entries are, never loaded whole).
 * @example const zip = await openBoundedZip(buffer, limits); for await (const chunk of await zip.open('a.xml')) …
 */
export async function openBoundedZip(source: Buffer | string, limits: ZipLimits): Promise<BoundedZip> {
  let archive: ZipFile;
  try {
    // Sizes are checked below, by our own counter, so that a bomb gets the caller's error.
    const options = { lazyEntries: true, decodeStrings: true, validateEntrySizes: false, strictFileNames: true };
    archive = await (typeof source === 'string' ? yauzl.openPromise(source, { ...options, autoClose: false }) : yauzl.fromBufferPromise(source, options));
  } catch (error) {
    throw limits.refuse({ kind: 'unreadable', detail: (error as Error).message });
  }
  try {
    const byName = await readCentralDirectory(archive, limits);
    const open = (name: string) => openCounted(archive, byName.get(name), name, limits);
    return {
      entries: [...byName.values()].map((e) => ({ name: e.fileName, size: e.uncompressedSize })),
      open,
      async verify() {
        for (const name of byName.keys()) await (await open(name)).forEach(() => undefined);
      },
      close: () => archive.close(),
    };
  } catch (error) {
    archive.close();
    throw error;
  }
}

async function readCentralDirectory(archive: ZipFile, limits: ZipLimits): Promise<Map<string, Entry>> {
  if (archive.entryCount > limits.maxEntries) throw limits.refuse({ kind: 'too_many_entries', count: archive.entryCount });
  const byName = new Map<string, Entry>();
  let declared = 0;
  for (let entry = await nextEntry(archive, limits); entry; entry = await nextEntry(archive, limits)) {
    const name = entry.fileName;
    if (name.endsWith('/')) continue;
    if (unsafe(name)) throw limits.refuse({ kind: 'unsafe_name', name });
    if (byName.has(name)) throw limits.refuse({ kind: 'duplicate_name', name });
    declared += entry.uncompressedSize;
    if (declared > limits.maxBytes) throw limits.refuse({ kind: 'too_large' });
    byName.set(name, entry);
  }
  return byName;
}

/** The names yauzl's strictFileNames would reject are reported alike; this catches the rest. */
function unsafe(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || name.split('/').some((part) => part === '..' || part === '') || name.includes('\0');
}

function nextEntry(archive: ZipFile, limits: ZipLimits): Promise<Entry | undefined> {
  return new Promise((ok, fail) => {
    const cleanup = () => {
      archive.off('entry', onEntry);
      archive.off('end', onEnd);
      archive.off('error', onError);
    };
    const onEntry = (e: Entry) => (cleanup(), ok(e));
    const onEnd = () => (cleanup(), ok(undefined));
    const onError = (err: Error) => {
      cleanup();
      const path = /^(invalid relative path|absolute path|invalid characters in fileName): (.*)$/.exec(err.message);
      fail(limits.refuse(path ? { kind: 'unsafe_name', name: path[2] ?? '' } : { kind: 'unreadable', detail: err.message }));
    };
    archive.on('entry', onEntry);
    archive.on('end', onEnd);
    archive.on('error', onError);
    archive.readEntry();
  });
}

async function openCounted(archive: ZipFile, entry: Entry | undefined, name: string, limits: ZipLimits): Promise<Readable> {
  if (!entry) throw limits.refuse({ kind: 'corrupt', name, detail: 'missing' });
  if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) {
    throw limits.refuse({ kind: 'corrupt', name, detail: 'encrypted or unsupported compression' });
  }
  let raw: Readable;
  try {
    // The stored bytes only: we inflate them ourselves, so that we can count and stop the inflater.
    raw = await archive.openReadStreamPromise(entry, { decodeFileData: false });
  } catch (error) {
    throw limits.refuse({ kind: 'corrupt', name, detail: (error as Error).message });
  }
  let seen = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > entry.uncompressedSize ? limits.refuse({ kind: 'too_large' }) : null, chunk);
    },
    flush(done) {
      done(seen < entry.uncompressedSize ? limits.refuse({ kind: 'corrupt', name, detail: 'truncated' }) : null);
    },
  });
  const inflate = entry.compressionMethod === 8 ? createInflateRaw({ chunkSize: INFLATE_CHUNK }) : undefined;
  const corrupt = (error: Error) => counted.destroy(limits.refuse({ kind: 'corrupt', name, detail: error.message }));
  raw.on('error', corrupt);
  inflate?.on('error', corrupt);
  // However the reader stops (done, refused, abandoned), the inflater stops with it.
  counted.once('close', () => (raw.destroy(), inflate?.destroy()));
  return (inflate ? raw.pipe(inflate) : raw).pipe(counted);
}
