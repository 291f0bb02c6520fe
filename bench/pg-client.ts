// One short-lived pg client on a bench database, closed whatever happens.
import pg from 'pg';

/** @example const n = await withPgClient(url, async (c) => (await c.query('SELECT 1')).rowCount); */
export async function withPgClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}
