// Child process of bench/run.ts: starts the four endpoints on loopback and prints their
// ports as one JSON line. Stops when the parent closes its stdin (or sends SIGTERM).
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb } from '../src/db/client.ts';
import { bareApp, receiverAloneApp, receiverApp } from './servers.ts';

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error('usage: node bench/server-main.ts <DATABASE_URL>');
const db = createDb(databaseUrl);

function listen(handler: RequestListener): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer({ keepAliveTimeout: 10_000 }, handler);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const servers = {
  bare: await listen(bareApp().callback()),
  crypto: await listen(receiverApp(db, 'none').callback()),
  receiverAlone: await listen(receiverAloneApp().callback()),
  full: await listen(receiverApp(db, 'accept').callback()),
  fullHandled: await listen(receiverApp(db, 'router').callback()),
};
const ports = Object.fromEntries(Object.entries(servers).map(([name, s]) => [name, (s.address() as AddressInfo).port]));
process.stdout.write(`${JSON.stringify(ports)}\n`);

async function stop(): Promise<void> {
  for (const server of Object.values(servers)) server.closeAllConnections();
  await db.$disconnect();
  process.exit(0);
}
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.once('SIGTERM', () => void stop());
