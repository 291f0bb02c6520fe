// Decides where each entry's payload goes in an evidence pack. A stored file keeps one path however
// many entries cite it: drawn signatures under signatures/, uploaded proofs under proofs-files/
// (original extension), PDFs and other documents under documents/. Row payloads become
// rows/<index>.json, the exact canonical JSON their payloadHash covers.
import type { EvidenceEntry } from '../../generated/prisma/client.ts';
import type { ServiceDeps } from '../deps.ts';

export interface PackFile {
  path: string;
  sha256: string;
}

export interface PackPayloads {
  /** Entry index → path of its payload in the pack ('-' when the payload is missing). */
  pathOf: Map<number, string>;
  /** Stored files to copy into the pack, each once. */
  files: PackFile[];
  /** Row payloads (table, id) by entry index. */
  rows: Map<number, { table: string; id: string }>;
}

type Ref = { kind?: string; sha256?: string; mediaType?: string; table?: string; id?: string };

const extByType: Record<string, string> = {
  'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg', 'image/webp': '.webp', 'image/heic': '.heic', 'image/gif': '.gif',
};

function extension(fileName: string | undefined, mediaType: string | undefined): string {
  const fromName = fileName ? /\.[A-Za-z0-9]{1,8}$/.exec(fileName)?.[0].toLowerCase() : undefined;
  return fromName ?? extByType[mediaType ?? ''] ?? '.bin';
}

/** @example const { pathOf, files } = await planPackPayloads(deps, entries); */
export async function planPackPayloads(deps: ServiceDeps, entries: readonly EvidenceEntry[]): Promise<PackPayloads> {
  const indices = entries.map((e) => e.index);
  const refs = new Map(entries.map((e) => [e.index, e.payloadRef as Ref]));
  const shas = [...refs.values()].filter((r) => r.kind === 'file' && r.sha256).map((r) => r.sha256 as string);
  const [signatures, proofs] = await Promise.all([
    deps.db.signature.findMany({ where: { OR: [{ evidenceIndex: { in: indices } }, { signatureSha256: { in: shas } }, { documentSha256: { in: shas } }] } }),
    deps.db.proof.findMany({ where: { OR: [{ evidenceIndex: { in: indices } }, { fileSha256: { in: shas } }] } }),
  ]);
  const byHash = new Map<string, string>();
  const claim = (sha: string, path: string) => void (byHash.has(sha) || byHash.set(sha, path));
  for (const s of signatures) {
    claim(s.signatureSha256, `signatures/${s.id}.png`);
    claim(s.documentSha256, `documents/declaration-${s.id}.pdf`);
  }
  for (const p of proofs) claim(p.fileSha256, `proofs-files/${p.id}${extension(p.fileName, p.mediaType)}`);

  const pathOf = new Map<number, string>();
  const rows = new Map<number, { table: string; id: string }>();
  for (const e of entries) {
    const ref = refs.get(e.index) as Ref;
    if (ref.kind === 'row' && ref.table && ref.id) {
      rows.set(e.index, { table: ref.table, id: ref.id });
      pathOf.set(e.index, `rows/${e.index}.json`);
    } else if (ref.kind === 'file' && ref.sha256) {
      claim(ref.sha256, `documents/entry-${e.index}-${e.type.replace(/[^A-Za-z0-9_.-]/g, '_')}${extension(undefined, ref.mediaType)}`);
      pathOf.set(e.index, byHash.get(ref.sha256) as string);
    } else {
      pathOf.set(e.index, '-');
    }
  }
  const files = [...byHash].map(([sha256, path]) => ({ sha256, path }));
  return { pathOf, files, rows };
}
