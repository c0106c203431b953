/**
 * Plain records keyed by names users or domains choose (streams, consumers, codes). Assigning
 * `record['__proto__'] = v` would set the record's prototype instead of a key (the key is lost,
 * and the record inherits from `v`), so such keys are defined as own properties. Pure.
 */

/** Sets `record[key] = value` as an own, enumerable property, whatever the key (also `__proto__`). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** The value of an own property (never one inherited from Object.prototype, such as `constructor`). */
export const getOwn = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);
