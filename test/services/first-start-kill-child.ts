// A first server start that is SIGKILLed while it seeds the demo company: seeds as main.ts does
// on start, then hangs if it gets that far.
// Usage: node test/services/first-start-kill-child.ts <databaseUrl>
import { createPersonalDataCipher } from '../../src/crypto/personal-data.ts';
import { createDb } from '../../src/db/client.ts';
import { seedOnFirstStart } from '../../src/services/demo/seed-on-first-start.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';

// The demo seed reads only these; the key is test-db.ts's TEST_MASTER_KEY (that module needs vitest).
const deps = { db: createDb(process.argv[2] as string, 2), cipher: createPersonalDataCipher(Buffer.alloc(32, 7)), now: () => new Date(), businessTz: 'Asia/Shanghai' } as unknown as ServiceDeps;
await seedOnFirstStart(deps);
process.stdout.write('SEEDED\n');
setInterval(() => {}, 60_000);
