import type { PersonalDataCipher } from '../crypto/personal-data.ts';
import type { Db } from '../db/client.ts';
import type { Outbox } from '../outbox/outbox.ts';

/** What every service needs; built once in main.ts (or per test) and passed in. */
export interface ServiceDeps {
  db: Db;
  cipher: PersonalDataCipher;
  /** Injected so tests and `--as-of` runs control "now". */
  now: () => Date;
  businessTz: string;
  /** Durable outbound messages (src/outbox). */
  outbox: Outbox;
}
