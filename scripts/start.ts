// `npm start`: build the H5 when it is missing or stale, then run the server.
import { fileURLToPath } from 'node:url';
import { buildH5IfStale } from './build-h5-if-stale.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
await buildH5IfStale({ root, log: (m: string) => process.stdout.write(`${m}\n`) });
const { main } = await import('../src/main.ts');
await main();
