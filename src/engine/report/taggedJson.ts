/**
 * The one tagged-JSON encoding of domain states (README, "Checkpoints"; the report's
 * `stateHash` and `finalState`): what JSON alone would change or lose written as an object
 * marked by `@purestream` — a `Map` as `{"@purestream": "Map", "entries": [[key, value], …]}`
 * (insertion order), a `Set` as `{"@purestream": "Set", "values": […]}`, a `Date` as
 * `{"@purestream": "Date", "value": "2026-11-30T10:00:00.000Z"}` (`null` for an invalid one), a
 * bigint as `{"@purestream": "BigInt", "value": "1234"}`, and — where the text must read back, in
 * a checkpoint — a plain object with a member `@purestream` of its own as `{"@purestream":
 * "Object", "entries": […]}`. Plain JSON data is written as it is, so its hash is unchanged.
 * Works across realms (a module's states are made in its own `node:vm` context). Pure.
 */

/** The member that marks a tagged value. */
export const TAG = '@purestream';

/** An object's built-in kind (`Map`, `Set`, `Date`, `Object`, …), whatever realm made it. */
export const kindOf = (value: object): string => Object.prototype.toString.call(value).slice(8, -1);

/** A `Map`, `Set` or `Date` as its tagged object (its members still to be written, tagged in turn); undefined for any other object. */
export function taggedObject(value: object): Record<string, unknown> | undefined {
  switch (kindOf(value)) {
    case 'Map':
      return { [TAG]: 'Map', entries: [...(value as Map<unknown, unknown>)] };
    case 'Set':
      return { [TAG]: 'Set', values: [...(value as Set<unknown>)] };
    case 'Date': {
      const date = value as Date;
      return { [TAG]: 'Date', value: Number.isNaN(date.getTime()) ? null : date.toISOString() };
    }
    default:
      return undefined;
  }
}

/** A bigint as its tagged object. */
export const taggedBigInt = (value: bigint): Record<string, unknown> => ({ [TAG]: 'BigInt', value: value.toString() });

/** A plain object that has a `@purestream` member of its own, escaped so that it is not read back as a tag. */
export const escapedObject = (value: object): Record<string, unknown> => ({ [TAG]: 'Object', entries: Object.entries(value) });

/**
 * A `JSON.stringify` replacer writing every `Map`, `Set` and `Date`, at any depth, as its tagged
 * object (plain JSON data is written as without it): `JSON.stringify(state, taggedReplacer)`.
 */
export function taggedReplacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (taggedObject(raw) ?? value) : value;
}
