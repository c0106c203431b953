/**
 * The set of event ids seen so far, for `duplicate-id`, sized for a million-event log. Ids
 * that end in a number (`e-17`, `evt-000123`, `42`) are kept as bits: one bitset per prefix
 * and digit count, so a million such ids cost about 125 KB instead of a million strings.
 * Any other id (a UUID, a number beyond the bitset's reach, a prefix past the first few
 * hundred) goes to an exact Set of strings. Each id has exactly one place, so the answer
 * is always exact. Pure; allocation-free for patterned ids.
 */

/** Largest id number kept as a bit (a 16 MB bitset at most); larger numbers go to the Set. */
const MAX_BIT = 1 << 27;
/** Distinct prefixes kept as bitsets; ids of further prefixes go to the Set. */
const MAX_PREFIXES = 256;
/** More digits than this would lose precision; such ids go to the Set. */
const MAX_DIGITS = 9;

/** One (prefix, digit count) family of ids: which numbers were seen. */
interface Family {
  readonly prefix: string;
  /** The number of digits, or 0 when the numbers are written without leading zeros. */
  readonly width: number;
  bits: Uint32Array;
}

/** An exact set of ids: `add` says whether the id is new. */
export class IdSet {
  private readonly families = new Map<string, Family>();
  private readonly others = new Set<string>();
  private last: Family | undefined;

  /** Adds the id; false when it was already in the set. */
  add(id: string): boolean {
    const end = id.length;
    let start = end;
    while (start > 0) {
      const c = id.charCodeAt(start - 1);
      if (c < 48 || c > 57) break;
      start--;
    }
    const digits = end - start;
    if (digits === 0 || digits > MAX_DIGITS) return this.addOther(id);
    let n = 0;
    for (let i = start; i < end; i++) n = n * 10 + (id.charCodeAt(i) - 48);
    if (n >= MAX_BIT) return this.addOther(id);
    const width = digits > 1 && id.charCodeAt(start) === 48 ? digits : 0;
    const family = this.familyOf(id, start, width);
    return family ? setBit(family, n) : this.addOther(id);
  }

  /** The family of ids with this prefix (`id` up to `start`) and width, created on first use; undefined past MAX_PREFIXES. */
  private familyOf(id: string, start: number, width: number): Family | undefined {
    const last = this.last;
    if (last !== undefined && last.width === width && last.prefix.length === start && id.startsWith(last.prefix)) return last;
    const prefix = id.slice(0, start);
    const key = width === 0 ? prefix : `${prefix}\u0000${width}`;
    let family = this.families.get(key);
    if (family === undefined) {
      if (this.families.size >= MAX_PREFIXES) return undefined;
      family = { prefix, width, bits: new Uint32Array(1024) };
      this.families.set(key, family);
    }
    this.last = family;
    return family;
  }

  private addOther(id: string): boolean {
    const size = this.others.size;
    this.others.add(id);
    return this.others.size > size;
  }
}

/** Sets bit `n`, growing the bitset by doubling; false when it was already set. */
function setBit(family: Family, n: number): boolean {
  const word = n >>> 5;
  if (word >= family.bits.length) {
    let length = family.bits.length * 2;
    while (length <= word) length *= 2;
    const bits = new Uint32Array(length);
    bits.set(family.bits);
    family.bits = bits;
  }
  const mask = 1 << (n & 31);
  if ((family.bits[word] & mask) !== 0) return false;
  family.bits[word] |= mask;
  return true;
}
