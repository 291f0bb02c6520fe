import type { LedgerKey } from '../crypto/ledger-key.ts';
import type { PersonalDataCipher } from '../crypto/personal-data.ts';
import type { TimestampAuthority } from '../crypto/tsa-client.ts';
import type { Db } from '../db/client.ts';
import type { Platform } from '../generated/prisma/client.ts';
import type { Outbox } from '../outbox/outbox.ts';
import type { PlatformClients } from '../platforms/create-chat-platforms.ts';
import type { FileStore } from '../storage/file-store.ts';


export type { TimestampAuthority };

/** What every service needs; built once in main.ts (or per test) and passed in. */
export interface ServiceDeps {
  db: Db;
  cipher: PersonalDataCipher;
  /** Injected so tests and `--as-of` runs control "now". */
  now: () => Date;
  businessTz: string;
  /** Durable outbound messages (src/outbox). */
  outbox: Outbox;
  /** Where chat messages go: the configured platforms, or ['sandbox'] when none is. */
  chatPlatforms: Platform[];
  /** API clients of the configured platforms (directory sync, attendance); empty in sandbox mode. */
  platformClients: PlatformClients;
  /** PUBLIC_BASE_URL, for links in cards. */
  publicBaseUrl: string;
  /** Stored documents and uploads, content-addressed (DATA_DIR/files). */
  files: FileStore;
  /** Signs evidence tree heads (SENTINEL_LEDGER_KEY or the database copy: load-shared-ledger-key.ts). */
  ledgerKey: LedgerKey;
  /** Time-stamps signed tree heads when TSA_URL is set. */
  tsa?: TimestampAuthority;
}
