/**
 * A domain state that a report cannot hold (cli-and-reports.md: "Domain states are plain JSON
 * data", for the stateHash's canonical JSON): a bigint anywhere in it. Said as the module's fault,
 * naming the stream and the JSON path, instead of failing inside the hash. Pure.
 */
import { ModuleFault } from '../engine/module/moduleProblem';
import { kindOf } from '../engine/report/taggedJson';

/** The JSON path of the first bigint in `value` (`$.total`, `$.lines[2].qty`), or undefined. */
export function bigintPath(value: unknown, path = '$', seen = new Set<object>()): string | undefined {
  if (typeof value === 'bigint') return path;
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = bigintPath(value[i], `${path}[${i}]`, seen);
      if (found) return found;
    }
    return undefined;
  }
  // a Map or Set, hashed as its tagged object (../engine/report/taggedJson): its keys and values
  const kind = kindOf(value);
  if (kind === 'Map') {
    let i = 0;
    for (const [k, v] of value as Map<unknown, unknown>) {
      const found = bigintPath(k, `${path}.<key ${i++}>`, seen) ?? bigintPath(v, `${path}.get(${JSON.stringify(typeof k === 'string' ? k : String(k))})`, seen);
      if (found) return found;
    }
    return undefined;
  }
  if (kind === 'Set') {
    let i = 0;
    for (const v of value as Set<unknown>) {
      const found = bigintPath(v, `${path}.<value ${i++}>`, seen);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, member] of Object.entries(value)) {
    const found = bigintPath(member, /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`, seen);
    if (found) return found;
  }
  return undefined;
}

/**
 * Runs `hash` (the stateHash of `states`); when a state holds a bigint, throws the domain's fault
 * naming it (`domain orders: the state of stream "o-17" holds a bigint at $.total, …`) instead.
 */
export function hashingPlainStates<T>(domain: string, keys: readonly string[], stateOf: (key: string) => unknown, hash: () => T): T {
  try {
    return hash();
  } catch (e) {
    for (const key of keys) {
      const path = bigintPath(stateOf(key));
      if (path === undefined) continue;
      const message = `domain ${domain}: the state of stream ${JSON.stringify(key)} holds a bigint at ${path}, which a report cannot hold: domain states are plain JSON data (a number, or the digits as a string)`;
      throw new ModuleFault({ kind: 'returned', message, module: domain, member: 'evolve' });
    }
    throw e;
  }
}
