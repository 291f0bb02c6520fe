// A child logger that is built only when something is written through it. pino's child() costs
// tens of µs (bindings serialized, redaction applied); a callback or a request that logs
// nothing at an enabled level — the common case on the ack path — should not pay for three of
// them. Calls at a disabled level stay no-ops without building the child.
import type { Bindings } from 'pino';
import type { Logger } from './log.ts';

const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
const noop = () => undefined;
/** How each lazy child builds its real logger, so a lazy child of a lazy child builds both. */
const builders = new WeakMap<Logger, () => Logger>();
const realOf = (log: Logger): Logger => builders.get(log)?.() ?? log;

/**
 * Same as `parent.child(bindings)`, built on first use.
 * @example const reqLog = lazyChild(log, { requestId }); reqLog.debug('…') // no child built at level info
 */
export function lazyChild(parent: Logger, bindings: Bindings): Logger {
  let real: Logger | undefined;
  const materialize = () => (real ??= realOf(parent).child(bindings));
  const proxy: Logger = new Proxy({} as Logger, {
    get(_target, prop) {
      if (real === undefined) {
        if (typeof prop === 'string' && LEVELS.has(prop) && !parent.isLevelEnabled(prop)) return noop;
        // A child has its parent's level: asking does not need the child.
        if (prop === 'isLevelEnabled') return (level: string) => parent.isLevelEnabled(level);
        if (prop === 'level') return parent.level;
        // A child of a lazy child stays lazy: both are built on the first write through it.
        if (prop === 'child') return (more: Bindings, options?: object) => (options ? materialize().child(more, options) : lazyChild(proxy, more));
      }
      const target = materialize();
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set(_target, prop, value) {
      return Reflect.set(materialize(), prop, value);
    },
  });
  builders.set(proxy, materialize);
  return proxy;
}
