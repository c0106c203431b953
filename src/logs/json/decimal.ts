/**
 * Positions as exact decimal strings (logs.md, "Numbers and times"): seqs, CloudEvents
 * `sequence`, Kafka offsets, stream revisions and global positions are never rounded through
 * a 64-bit float. A decimal position is kept as its digits without leading zeros ("0" for
 * zero), so two positions compare by length, then text — any length, zero-padded or not.
 * Pure.
 */

const DIGITS = /^[0-9]+$/;

/** True when `text` is a non-negative decimal integer written with digits only (zero-padding allowed). */
export const isDecimal = (text: string): boolean => DIGITS.test(text);

/** The digits of a decimal without leading zeros ("000120" → "120", "000" → "0"). */
export function normalizeDecimal(text: string): string {
  let i = 0;
  while (i < text.length - 1 && text.charCodeAt(i) === 48) i++;
  return i === 0 ? text : text.slice(i);
}

/** Orders two normalized decimals: negative, zero or positive. */
export function compareDecimal(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The normalized decimal one above `a` ("199" → "200"). */
export function successor(a: string): string {
  if (a.length < 16) return String(Number(a) + 1);
  return (BigInt(a) + 1n).toString();
}

/** `b - a - 1`: how many positions lie strictly between two normalized decimals, as a decimal string. */
export function missingBetween(a: string, b: string): string {
  if (a.length < 16 && b.length < 16) return String(Number(b) - Number(a) - 1);
  return (BigInt(b) - BigInt(a) - 1n).toString();
}

/** A decimal position as a JavaScript number when it is a safe integer (reports' numeric `eventSeq`/`seq`), else undefined. */
export function safeNumberOf(decimal: string): number | undefined {
  if (!isDecimal(decimal)) return undefined;
  const digits = normalizeDecimal(decimal);
  if (digits.length > 16) return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : undefined;
}
