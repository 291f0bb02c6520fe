// A loopback RFC 3161 time-stamp authority for tests: a throwaway CA and TSA certificate made with
// `openssl req`/`openssl x509` at start, and every query answered by the real `openssl ts -reply`.
// `misbehave` makes the next reply wrong the ways a broken or hostile TSA could be.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { TimeStampReq } from '@peculiar/asn1-tsp';

const run = promisify(execFile);

export type TsaMisbehaviour = 'http-500' | 'garbage' | 'wrong-nonce' | 'wrong-imprint' | 'rejection' | 'hang';

export interface FakeTsaServer {
  url: string;
  /** Directory with ca.pem (trust anchor) and tsa.pem (the TSA's certificate). */
  dir: string;
  caPem: string;
  tsaPem: string;
  queries: Buffer[];
  misbehaveNext(kind: TsaMisbehaviour): void;
  close(): Promise<void>;
}

const config = (dir: string) => `
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = placeholder
[ ca_ext ]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ tsa_ext ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = $dir/serial
signer_cert = $dir/tsa.pem
certs = $dir/tsa.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.5
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

async function openssl(dir: string, args: string[]): Promise<void> {
  try {
    await run('openssl', args, { cwd: dir });
  } catch (error) {
    throw new Error(`openssl ${args.join(' ')} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
  }
}

/** `selfSigned`: the TSA certificate signs itself instead of being issued by the test CA. */
export async function startFakeTsaServer(opts: { selfSigned?: boolean } = {}): Promise<FakeTsaServer> {
  const dir = mkdtempSync(join(tmpdir(), 'fake-tsa-'));
  const cnf = join(dir, 'openssl.cnf');
  writeFileSync(cnf, config(dir));
  writeFileSync(join(dir, 'serial'), '01\n');
  const env = { ...process.env, OPENSSL_CONF: cnf };
  const sh = (args: string[]) => run('openssl', args, { cwd: dir, env });
  await sh(['req', '-x509', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Fake Test Root CA', '-config', cnf, '-extensions', 'ca_ext']);
  await sh(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', '/CN=Fake Test TSA', '-config', cnf]);
  const issuer = opts.selfSigned ? ['-signkey', 'tsa.key'] : ['-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'];
  await sh(['x509', '-req', '-in', 'tsa.csr', ...issuer, '-out', 'tsa.pem', '-days', '2', '-extfile', cnf, '-extensions', 'tsa_ext']);

  const queries: Buffer[] = [];
  const pending: TsaMisbehaviour[] = [];
  let n = 0;
  let replies: Promise<unknown> = Promise.resolve();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let query: Buffer = Buffer.concat(chunks);
    queries.push(query);
    const kind = pending.shift();
    if (kind === 'hang') return; // never answers: the client's timeout must fire
    if (kind === 'http-500') return void res.writeHead(500).end('internal error');
    if (kind === 'garbage') return void res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end('not a time-stamp reply');
    try {
      if (kind === 'rejection') return void res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(rejectionReply());
      if (kind === 'wrong-nonce' || kind === 'wrong-imprint') query = forgedQuery(kind, query);
      const file = join(dir, `q${++n}.tsq`);
      writeFileSync(file, query);
      // One openssl at a time: each reply reads and rewrites the shared serial file, and two
      // at once can make openssl answer "rejection" under load.
      const reply = replies.then(() => openssl(dir, ['ts', '-reply', '-config', cnf, '-queryfile', file, '-out', `r${n}.tsr`]));
      replies = reply.catch(() => {});
      const out = `r${n}.tsr`;
      await reply;
      res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(readFileSync(join(dir, out)));
    } catch (error) {
      res.writeHead(500).end((error as Error).message);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    dir,
    caPem: join(dir, 'ca.pem'),
    tsaPem: join(dir, 'tsa.pem'),
    queries,
    misbehaveNext: (kind) => void pending.push(kind),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The client's query with another nonce or for other data, answered as if it were the client's. */
function forgedQuery(kind: 'wrong-nonce' | 'wrong-imprint', original: Buffer): Buffer {
  const req = AsnConvert.parse(original, TimeStampReq);
  if (kind === 'wrong-nonce') req.nonce = new Uint8Array([0x12, 0x34, 0x56, 0x78]).buffer;
  else req.messageImprint.hashedMessage = new OctetString(createHash('sha256').update('some other data').digest());
  return Buffer.from(AsnConvert.serialize(req));
}

/** TimeStampResp { status: rejection(2), statusString: "policy not supported" } in DER. */
function rejectionReply(): Buffer {
  const text = Buffer.from('policy not supported');
  const utf8 = Buffer.concat([Buffer.from([0x0c, text.length]), text]);
  const free = Buffer.concat([Buffer.from([0x30, utf8.length]), utf8]);
  const status = Buffer.concat([Buffer.from([0x02, 0x01, 0x02]), free]);
  const info = Buffer.concat([Buffer.from([0x30, status.length]), status]);
  return Buffer.concat([Buffer.from([0x30, info.length]), info]);
}
