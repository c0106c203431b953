/**
 * The purity guard: replaces the clock and the random sources of the global object a module
 * runs in (a `node:vm` context on the command line, the Web Worker's own global in the app)
 * with versions that tell the {@link CallGuard} when they are used — `Date.now()`, `new Date()`
 * without arguments, `Date()`, `performance.now()`, `Math.random()`, `crypto.getRandomValues`
 * and `crypto.randomUUID`. Inside a call of the module that stops the run; outside (the
 * engine's own code, the module's top level) they work as before. Dates made from a value
 * (`new Date(command.at)`) are untouched.
 */
import type { CallGuard } from './callGuard';

/* eslint-disable @typescript-eslint/no-explicit-any -- the global object of another realm is untyped here */

/** Installs the traps on `global` (the module's global object); the guard decides what a use means. */
export function installPurityTraps(global: any, guard: CallGuard): void {
  const trap = (kind: 'clock' | 'randomness', what: string) => guard.impure(kind, what, new Error().stack ?? '');

  const RealDate = global.Date;
  function GuardedDate(this: unknown, ...args: unknown[]): unknown {
    if (args.length === 0) trap('clock', new.target ? 'new Date()' : 'Date()');
    return new.target ? Reflect.construct(RealDate, args, new.target) : RealDate();
  }
  Object.setPrototypeOf(GuardedDate, RealDate);
  GuardedDate.prototype = RealDate.prototype;
  GuardedDate.now = function now(): number {
    trap('clock', 'Date.now()');
    return RealDate.now();
  };
  global.Date = GuardedDate;

  const math = global.Math;
  const random = math.random;
  math.random = function random_(): number {
    trap('randomness', 'Math.random()');
    return random.call(math);
  };

  const performance = global.performance ?? (global.performance = { timeOrigin: 0 });
  const realNow = typeof performance.now === 'function' ? performance.now.bind(performance) : () => 0;
  performance.now = function now(): number {
    trap('clock', 'performance.now()');
    return realNow();
  };

  // a context without Web Crypto gets one whose random parts are trapped (and nothing else)
  const source = global.crypto ?? (globalThis as any).crypto;
  const crypto = global.crypto ?? (global.crypto = {});
  crypto.getRandomValues = function getRandomValues<T>(array: T): T {
    trap('randomness', 'crypto.getRandomValues()');
    return source.getRandomValues(array);
  };
  crypto.randomUUID = function randomUUID(): string {
    trap('randomness', 'crypto.randomUUID()');
    return source.randomUUID();
  };
}
