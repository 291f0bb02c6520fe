// Re-checks an evidence pack the way its README does with openssl, so a pack can be judged in
// the browser or the CLI: SHA256SUMS, the Ed25519 signature over tree-head.txt, and for every
// entry its payload hash, leaf hash and inclusion proof to the signed root. Every check reports
// a Chinese reason, passed or failed.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readTimestampToken } from '../../crypto/tsa-token.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { canonicalJson } from '../../domain/evidence/entry-leaf.ts';
import { leafHash, verifyInclusion } from '../../domain/evidence/merkle.ts';
import { treeHeadText } from '../../domain/evidence/tree-head-text.ts';
import type { PackVerification } from '../../domain/views/evidence.ts';
import { DELETED_ORIGINAL, DELETED_ORIGINAL_TEXT } from './pack-readme.ts';
import { readPackZip, type PackLimits } from './read-pack-zip.ts';

const HEAD = /^shebao-sentinel evidence tree head v1\nsize: (\d+)\nroot: ([0-9a-f]{64})\ntime: (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\nkey: ([0-9a-f]{64})\n$/;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** Packs are checked without the server's config; our company and its arbitrators read Beijing time. */
const BUSINESS_TZ = 'Asia/Shanghai';
const REQUIRED = ['SHA256SUMS', 'public-key.pem', 'tree-head.txt', 'tree-head.sig', 'entries.txt'];

/**
 * `zip` is the pack's bytes or the path of a zip file (an upload waiting on disk).
 * `publicKeyPem` is the key the caller trusts (the company's); without it the pack's own key is
 * used and reported as untrusted.
 * @example const v = await verifyEvidencePack(zip, { publicKeyPem: deps.ledgerKey.publicKeyPem }); v.authentic
 */
export async function verifyEvidencePack(zip: Buffer | string, opts: { publicKeyPem?: string; limits?: PackLimits } = {}): Promise<PackVerification> {
  const files = await readPackZip(zip, opts.limits);
  const reasons: string[] = [];
  let failed = false;
  const pass = (s: string) => reasons.push(`✅ ${s}`);
  const fail = (s: string) => ((failed = true), reasons.push(`❌ ${s}`));
  const result = (extra: Partial<PackVerification> = {}): PackVerification => ({ authentic: !failed, reasons, entries: 0, treeSize: 0, keyId: '', keyTrusted: false, ...extra });

  const missing = REQUIRED.filter((f) => !files.has(f));
  if (missing.length > 0) {
    fail(`这不是完整的证据包：缺少 ${missing.join('、')}`);
    return result();
  }
  checkSums(files, pass, fail);

  // The signed head and the key that signed it.
  const headBytes = files.get('tree-head.txt') as Buffer;
  const head = HEAD.exec(headBytes.toString('utf8'));
  if (!head) {
    fail('tree-head.txt 格式不正确，不是本系统签发的树头');
    return result();
  }
  const [size, rootHash, signedAt, keyId] = [Number(head[1]), head[2] as string, head[3] as string, head[4] as string];
  if (treeHeadText({ size, rootHash, signedAt, keyId }) !== headBytes.toString('utf8')) fail('tree-head.txt 不是规范格式');
  const packKey = parseKey(files.get('public-key.pem') as Buffer);
  const trusted = opts.publicKeyPem ? parseKey(Buffer.from(opts.publicKeyPem)) : undefined;
  const packKeyId = packKey ? keyIdOf(packKey) : '';
  if (!packKey) fail('public-key.pem 不是 Ed25519 公钥');
  else if (packKeyId !== keyId) fail('public-key.pem 与 tree-head.txt 中的公钥标识不符');
  const keyTrusted = Boolean(trusted && packKey && keyIdOf(trusted) === packKeyId);
  if (trusted && !keyTrusted) fail('证据包的公钥不是本公司证据台账的公钥：签名不能证明出自本公司');
  if (!trusted) reasons.push('ℹ️ 使用证据包自带的公钥核验；请将 public-key.pem 与公司公布的公钥比对');
  const signer = trusted ?? packKey;
  if (signer && verify(null, headBytes, signer, files.get('tree-head.sig') as Buffer)) {
    pass(`树头签名有效（Ed25519）：${size} 条证据，树根 ${rootHash.slice(0, 16)}…，签于北京时间 ${formatDateTime(BUSINESS_TZ, new Date(signedAt))}`);
  } else {
    fail('tree-head.sig 不是对 tree-head.txt 的有效签名：树头被改动或并非由该密钥签发');
  }
  const timestampedAt = checkTimestamp(files.get('tree-head.tsr'), headBytes, pass, fail);

  // Each entry: its bytes are canonical, its payload has the recorded hash, its proof reaches the root.
  const lines = (files.get('entries.txt') as Buffer).toString('utf8').split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) fail('证据包中没有任何条目');
  for (const line of lines) {
    const m = /^(\d+) (.+)$/.exec(line);
    if (!m) {
      fail(`entries.txt 中有无法识别的行：${line.slice(0, 80)}`);
      continue;
    }
    checkEntry(files, Number(m[1]), m[2] as string, { size, root: Buffer.from(rootHash, 'hex') }, pass, fail);
  }
  checkAttachments(files, pass, fail);
  return result({ entries: lines.length, treeSize: size, keyId, keyTrusted, rootHash, signedAt, timestampedAt });
}

type Report = (s: string) => unknown;

function checkSums(files: Map<string, Buffer>, pass: Report, fail: Report): void {
  const listed = new Set<string>();
  let bad = 0;
  const problem = (s: string) => {
    fail(s);
    bad++;
  };
  for (const line of (files.get('SHA256SUMS') as Buffer).toString('utf8').split('\n')) {
    if (line === '') continue;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) {
      problem(`SHA256SUMS 中有无法识别的行：${line.slice(0, 80)}`);
      continue;
    }
    const [hash, name] = [m[1] as string, m[2] as string];
    listed.add(name);
    const bytes = files.get(name);
    if (!bytes) problem(`${name} 在 SHA256SUMS 中列出，但证据包中没有这个文件`);
    else if (sha256(bytes) !== hash) problem(`${name} 已被改动：SHA-256 与 SHA256SUMS 不符`);
  }
  for (const f of [...files.keys()].filter((name) => name !== 'SHA256SUMS' && !listed.has(name))) problem(`${f} 不在 SHA256SUMS 中：证据包被加入了文件`);
  if (bad === 0) pass(`SHA256SUMS：${listed.size} 个文件完好`);
}

function checkEntry(files: Map<string, Buffer>, index: number, path: string, head: { size: number; root: Buffer }, pass: Report, fail: Report): void {
  const bytes = files.get(`entries/${index}.json`);
  if (!bytes) return void fail(`条目 #${index}：缺少 entries/${index}.json`);
  let entry: { index?: unknown; type?: unknown; payloadHash?: unknown; createdAt?: unknown };
  try {
    entry = JSON.parse(bytes.toString('utf8')) as typeof entry;
    if (canonicalJson(entry) !== bytes.toString('utf8')) return void fail(`条目 #${index}：entries/${index}.json 不是规范化 JSON（RFC 8785），已被改动`);
  } catch {
    return void fail(`条目 #${index}：entries/${index}.json 不是合法的 JSON`);
  }
  if (entry.index !== index) return void fail(`条目 #${index}：entries/${index}.json 记录的序号是 ${String(entry.index)}`);
  const deleted = path === DELETED_ORIGINAL;
  const payload = path === '-' || deleted ? undefined : files.get(path);
  if (deleted) pass(`条目 #${index}（${String(entry.type)}）：${DELETED_ORIGINAL_TEXT}（《个人信息保护法》第四十七条），条目记录的 SHA-256 为 ${String(entry.payloadHash)}`);
  else if (!payload) fail(`条目 #${index}（${String(entry.type)}）：证据包中没有它的内容文件 ${path === '-' ? '' : path}`);
  else if (sha256(payload) !== entry.payloadHash) fail(`条目 #${index}（${String(entry.type)}）：${path} 已被改动，SHA-256 与条目记录的 ${String(entry.payloadHash)} 不符`);
  const proofText = files.get(`proofs/${index}.txt`)?.toString('utf8');
  const proof = (proofText ?? '').split('\n').filter((l) => l !== '');
  const ok = proofText !== undefined && proof.every((h) => /^[0-9a-f]{64}$/.test(h))
    && verifyInclusion({ leafHash: leafHash(bytes), index, size: head.size, proof: proof.map((h) => Buffer.from(h, 'hex')), root: head.root });
  if (!ok) return void fail(`条目 #${index}（${String(entry.type)}）：包含证明 proofs/${index}.txt 不能推导出签名树根，条目已被改动或不属于该树`);
  const when = typeof entry.createdAt === 'string' && !Number.isNaN(Date.parse(entry.createdAt)) ? `，北京时间 ${formatDateTime(BUSINESS_TZ, new Date(entry.createdAt))}` : '';
  if (payload && sha256(payload) === entry.payloadHash) pass(`条目 #${index}（${String(entry.type)}${when}）：${path} 完好，且包含在签名树中`);
}

/** attachments.txt: "<file> <signed entry or row>" — the signed text must record the file's SHA-256. */
function checkAttachments(files: Map<string, Buffer>, pass: Report, fail: Report): void {
  for (const line of (files.get('attachments.txt')?.toString('utf8') ?? '').split('\n')) {
    const m = /^(\S+) (\S+)$/.exec(line);
    if (!m) continue;
    const [file, ref] = [m[1] as string, m[2] as string];
    const bytes = files.get(file);
    const signed = /^(entries|rows)\/\d+\.json$/.test(ref) ? files.get(ref)?.toString('utf8') : undefined;
    if (bytes && signed?.includes(`"${sha256(bytes)}"`)) pass(`${file} 完好：其 SHA-256 记录在 ${ref} 中`);
    else fail(`${file} 已被改动或缺失：其 SHA-256 与 ${ref} 中的记录不符`);
  }
}

function checkTimestamp(token: Buffer | undefined, headBytes: Buffer, pass: Report, fail: Report): string | undefined {
  if (!token) return undefined;
  try {
    const t = readTimestampToken(token);
    if (t.hashAlgorithm !== 'sha256' || !t.messageImprint.equals(createHash('sha256').update(headBytes).digest())) {
      fail('tree-head.tsr 可信时间戳不是针对 tree-head.txt 签发的');
      return undefined;
    }
    pass(`可信时间戳（RFC 3161）：树头在北京时间 ${formatDateTime(BUSINESS_TZ, t.genTime)} 已存在（时间戳机构的签名需用其 CA 证书另行核验）`);
    return t.genTime.toISOString();
  } catch {
    fail('tree-head.tsr 不是有效的 RFC 3161 时间戳');
    return undefined;
  }
}

function parseKey(pem: Buffer): KeyObject | undefined {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

const keyIdOf = (key: KeyObject) => sha256(key.export({ type: 'spki', format: 'der' }));
