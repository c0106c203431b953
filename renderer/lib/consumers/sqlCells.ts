/**
 * How a SQL query's values are shown: integers exactly (a BigInt past 2^53 keeps every digit),
 * blobs as hexadecimal (`x'00ff'`, SQLite's literal), text and reals as they are. Pure.
 */

/** One shown value: text, or null for SQL NULL. */
export type SqlCell = string | null;

/** A query's value as shown. */
export function sqlCell(value: unknown): SqlCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `x'${Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')}'`;
  return String(value);
}
