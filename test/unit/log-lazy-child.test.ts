import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { lazyChild } from '../../src/log-lazy-child.ts';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>), done()) });
  const log = pino({ level }, sink);
  return { log, lines };
}

describe('lazyChild', () => {
  it('writes with the bindings of every level of lazy children, like child()', async () => {
    const { log, lines } = capture('info');
    const child = lazyChild(log, { requestId: 'r1' }).child({ deliveryId: 'd1' });
    child.warn({ status: 401 }, 'rejected');
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: 'r1', deliveryId: 'd1', status: 401, msg: 'rejected', level: 40 });
  });

  it('builds no child for calls at a disabled level, and logs nothing', async () => {
    const { log, lines } = capture('info');
    const spy = vi.spyOn(log, 'child');
    const child = lazyChild(log, { requestId: 'r2' });
    child.debug('not shown');
    child.child({ route: 'x' }).trace('not shown either');
    expect(child.isLevelEnabled('debug')).toBe(false);
    expect(child.level).toBe('info');
    expect(spy).not.toHaveBeenCalled();
    child.info('shown');
    expect(spy).toHaveBeenCalledTimes(1);
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });
});
