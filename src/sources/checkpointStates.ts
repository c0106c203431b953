/**
 * A domain's states as a checkpoint keeps them (README, "Checkpoints"): JSON, with what JSON alone
 * would change written as a tagged object, in the one encoding the report's `stateHash` and
 * `finalState` use too (../engine/report/taggedJson) — `{"@purestream": "Map", "entries": [[key,
 * value], …]}`, `"Set"` with `values`, `"Date"` with its ISO `value`, `"BigInt"` with its decimal `value`, and
 * `"Object"` with `entries` for a plain object that has a member `@purestream` of its own — so a
 * state comes back as the domain's evolve left it (an Emmett cart's `Map` of items, a `Date` it
 * was confirmed at). A checkpoint without tags (written before them) reads as it always did. What
 * cannot be kept either way (NaN or an infinity, `undefined` in an array, a function, an instance
 * of another class) is refused by name: the stream and the JSON path of the value. Pure; works
 * across realms (a module's states are made in its own `node:vm` context).
 */
import { escapedObject, kindOf, TAG, taggedBigInt, taggedObject } from '../engine/report/taggedJson';

export { TAG } from '../engine/report/taggedJson';

/** Why `value` cannot be kept, or undefined when it can (itself: its parts are asked in turn). */
function unkeepable(value: unknown): string | undefined {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? undefined : `${value}, which JSON cannot hold`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    case 'object': {
      if (value === null || Array.isArray(value)) return undefined;
      const kind = kindOf(value);
      if (kind === 'Date') return Number.isNaN((value as Date).getTime()) ? 'an invalid Date' : undefined;
      if (kind === 'Map' || kind === 'Set') return undefined;
      const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
      const name = proto === null ? 'Object' : proto.constructor?.name;
      return kind === 'Object' && name === 'Object' ? undefined : `an instance of ${name || kind}, which a checkpoint cannot make again`;
    }
    default:
      return undefined;
  }
}

/** The first value in `value` that cannot be kept, with its JSON path (`$.items[2].at`), or undefined. */
function findUnkeepable(value: unknown, path: string): { readonly path: string; readonly why: string } | undefined {
  const why = unkeepable(value);
  if (why !== undefined) return { path, why };
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) return { path: `${path}[${i}]`, why: 'undefined, which JSON writes as null in an array' };
      const found = findUnkeepable(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  const kind = kindOf(value);
  if (kind === 'Map') {
    let i = 0;
    for (const [k, v] of value as Map<unknown, unknown>) {
      const found = findUnkeepable(k, `${path}.<key ${i}>`) ?? findUnkeepable(v, `${path}.get(${JSON.stringify(typeof k === 'string' ? k : String(k))})`);
      if (found) return found;
      i++;
    }
    return undefined;
  }
  if (kind === 'Set') {
    let i = 0;
    for (const v of value as Set<unknown>) {
      const found = findUnkeepable(v, `${path}.<value ${i++}>`);
      if (found) return found;
    }
    return undefined;
  }
  if (kind === 'Date') return undefined;
  for (const key of Object.keys(value)) {
    const found = findUnkeepable((value as Record<string, unknown>)[key], /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);
    if (found) return found;
  }
  return undefined;
}

/** Thrown by `stateText` for a value a checkpoint cannot keep. */
export class UnkeptState extends Error {}

/** The JSON text of `stream`'s state as a checkpoint keeps it; throws UnkeptState naming the stream and the path of a value it cannot keep. */
export function stateText(stream: string, state: unknown): string {
  let bad = false;
  const text = JSON.stringify(state, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    if (typeof raw === 'bigint') return taggedBigInt(raw);
    if (typeof raw !== 'object' || raw === null) {
      if (unkeepable(raw) !== undefined) bad = true;
      return value;
    }
    if (Array.isArray(raw)) {
      if (raw.includes(undefined)) bad = true;
      return value;
    }
    // Map, Set and Date in the one encoding the report's stateHash and finalState use too (../engine/report/taggedJson)
    const tagged = taggedObject(raw);
    if (tagged !== undefined) {
      if (kindOf(raw) === 'Date' && Number.isNaN((raw as Date).getTime())) bad = true;
      return tagged;
    }
    if (unkeepable(raw) !== undefined) bad = true;
    else if (Object.hasOwn(raw, TAG)) return escapedObject(raw);
    return value;
  });
  if (bad || text === undefined) {
    const found = findUnkeepable(state, '$') ?? { path: '$', why: 'not a JSON value' };
    throw new UnkeptState(`the state of stream ${JSON.stringify(stream)} at ${found.path} holds ${found.why}`);
  }
  return text;
}

/** A state read from a checkpoint, its tagged values made again; `problem(path, message)` is thrown for a tag it does not know. */
export function stateOf(value: unknown, path: string, problem: (path: string, message: string) => Error): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v, i) => stateOf(v, `${path}[${i}]`, problem));
  const o = value as Record<string, unknown>;
  if (!Object.hasOwn(o, TAG)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(o)) Object.defineProperty(out, key, { value: stateOf(o[key], `${path}.${key}`, problem), enumerable: true, writable: true, configurable: true });
    return out;
  }
  const tag = o[TAG];
  const pairs = (member: string): [unknown, unknown][] => {
    const entries = o[member];
    if (!Array.isArray(entries) || !entries.every((e) => Array.isArray(e) && e.length === 2)) throw problem(`${path}.${member}`, `expected an array of [key, value] pairs for a tagged ${String(tag)}`);
    return entries.map((e: unknown[], i) => [stateOf(e[0], `${path}.${member}[${i}][0]`, problem), stateOf(e[1], `${path}.${member}[${i}][1]`, problem)]);
  };
  switch (tag) {
    case 'Map':
      return new Map(pairs('entries'));
    case 'Object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of pairs('entries')) {
        if (typeof k !== 'string') throw problem(`${path}.entries`, 'expected string keys for a tagged Object');
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'Set': {
      if (!Array.isArray(o.values)) throw problem(`${path}.values`, 'expected an array of values for a tagged Set');
      return new Set(o.values.map((v, i) => stateOf(v, `${path}.values[${i}]`, problem)));
    }
    case 'Date': {
      const date = typeof o.value === 'string' ? new Date(o.value) : undefined;
      if (date === undefined || Number.isNaN(date.getTime())) throw problem(`${path}.value`, `expected an ISO time for a tagged Date, got ${JSON.stringify(o.value)}`);
      return date;
    }
    case 'BigInt':
      if (typeof o.value !== 'string' || !/^-?\d+$/.test(o.value)) throw problem(`${path}.value`, `expected a whole number as text for a tagged BigInt, got ${JSON.stringify(o.value)}`);
      return BigInt(o.value);
    default:
      throw problem(`${path}.${TAG}`, `unknown tag ${JSON.stringify(tag)} (expected Map, Set, Date, BigInt or Object)`);
  }
}
