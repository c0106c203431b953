/**
 * Flat payloads carried between threads as columns (./framedBatch): a payload that JSON.parse
 * made into an object whose members are all strings, numbers, booleans or null — the common
 * event payload, `{"sku":"tee","qty":3}` — travels as its shape (keys and kinds, once per batch)
 * and its values (numbers in a Float64Array, strings in one joined string), and the receiving
 * thread builds an object equal to JSON.parse's: the same own members in the same order, the same
 * values (-0 and Infinity included), the same prototype. Building one is several times quicker
 * than parsing its text again. Anything else (a nested value, a `__proto__` member, more than
 * MAX_MEMBERS members) is not packed and its text is parsed where it is read. A property test
 * compares built objects with JSON.parse's on generated payloads. Pure.
 */

/** Most members a packed payload has. */
export const MAX_MEMBERS = 32;

import { Float64Table, Int32Table } from '../../engine/sim/growable';
import { ownString } from '../ownString';

const STRING = 0;
const NUMBER = 1;
const BOOLEAN = 2;
const NULL = 3;
/** A number JSON.parse makes a small integer (a Smi): built as one, not as a boxed double. */
const INT = 4;

const isSmall = (v: number): boolean => (v | 0) === v && (v !== 0 || 1 / v > 0);

/** The keys of a packed payload and the kind of each member's value. */
export interface FlatShape {
  readonly keys: readonly string[];
  readonly kinds: readonly number[];
}

/** Packed payloads of a batch's records (structured-cloneable). */
export interface FlatColumns {
  readonly shapes: readonly FlatShape[];
  /** Per record: its payload's shape, or -1 when it was not packed. */
  readonly shape: Int32Array;
  /** Per record: where its values start in `values`. */
  readonly at: Int32Array;
  /** Values: numbers as they are, booleans as 1 or 0, strings as their index among `stringEnds` (each distinct string once). */
  readonly values: Float64Array;
  readonly strings: string;
  readonly stringEnds: Int32Array;
}

const kindOf = (v: unknown): number => (typeof v === 'string' ? STRING : typeof v === 'number' ? (isSmall(v) ? INT : NUMBER) : typeof v === 'boolean' ? BOOLEAN : v === null ? NULL : -1);

/** Packs the payloads of a batch's records, one `add` per record. */
export class FlatPacker {
  private shapes: FlatShape[] = [];
  private shapeIndex = new Map<string, number>();
  /** The shape last packed per hint (the record's type): the next payload of the type most likely has it too. */
  private lastShape: number[] = [];
  private readonly shape = new Int32Table();
  private readonly at = new Int32Table();
  private readonly values = new Float64Table();
  private records = 0;
  private valueCount = 0;
  private strings: string[] = [];
  /** Each distinct string of the batch once: payloads repeat values (a warehouse, a sku), and the reading side builds each once. */
  private stringIndex = new Map<string, number>();
  private stringLength = 0;
  private readonly stringEnds = new Int32Table();

  /** Adds the next record's payload (undefined: the record has none to pack); `hint` tells payloads of one shape (the record's type index). True when it was packed. */
  add(data: unknown, hint = 0): boolean {
    const record = this.records++;
    const start = this.valueCount;
    this.at.set(record, start);
    this.shape.set(record, -1);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
    const o = data as Record<string, unknown>;
    const guess = this.lastShape[hint];
    const expected = guess === undefined ? undefined : this.shapes[guess];
    let same = expected !== undefined;
    let k = 0;
    for (const key in o) {
      const v = o[key];
      const kind = kindOf(v);
      if (kind < 0 || key === '__proto__' || k >= MAX_MEMBERS) {
        // not flat: its values are dropped (strings added stay, unused)
        this.valueCount = start;
        return false;
      }
      if (same && (expected!.keys[k] !== key || expected!.kinds[k] !== kind)) same = false;
      if (kind === STRING) this.values.set(this.valueCount++, this.stringOf(v as string));
      else this.values.set(this.valueCount++, kind === NUMBER || kind === INT ? (v as number) : v === true ? 1 : 0);
      k++;
    }
    const shape = same && k === expected!.keys.length ? guess! : this.shapeOf(o);
    this.lastShape[hint] = shape;
    this.shape.set(record, shape);
    return true;
  }

  /** The index of a string value among the batch's distinct strings, added when new. */
  private stringOf(v: string): number {
    let i = this.stringIndex.get(v);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(v);
      this.stringIndex.set(v, i);
      this.stringLength += v.length;
      this.stringEnds.set(i, this.stringLength);
    }
    return i;
  }

  /** The index of the flat object's shape, added when new. */
  private shapeOf(o: Record<string, unknown>): number {
    const keys = Object.keys(o);
    const kinds = keys.map((key) => kindOf(o[key]));
    // unambiguous whatever the keys hold
    const signature = JSON.stringify([kinds, keys]);
    let index = this.shapeIndex.get(signature);
    if (index === undefined) {
      index = this.shapes.length;
      this.shapes.push({ keys, kinds });
      this.shapeIndex.set(signature, index);
    }
    return index;
  }

  /** The columns of everything added since the last `take`. */
  take(): FlatColumns {
    const columns: FlatColumns = {
      shapes: this.shapes,
      shape: this.shape.data.slice(0, this.records),
      at: this.at.data.slice(0, this.records),
      values: this.values.data.slice(0, this.valueCount),
      strings: this.strings.join(''),
      stringEnds: this.stringEnds.data.slice(0, this.strings.length),
    };
    this.shapes = [];
    this.shapeIndex = new Map();
    this.lastShape = [];
    this.records = 0;
    this.valueCount = 0;
    this.strings = [];
    this.stringIndex = new Map();
    this.stringLength = 0;
    return columns;
  }
}

/** What `FlatReader.data` answers for a record whose payload was not packed. */
export const NOT_PACKED: unique symbol = Symbol('not packed');

/** Builds the packed payloads of one batch. */
export class FlatReader {
  /** The batch's distinct strings, each cut from `strings` once. */
  private readonly cut: (string | undefined)[] = [];

  constructor(private readonly columns: FlatColumns) {}

  /** The payload of record `i`, built as JSON.parse would have made it, or NOT_PACKED. */
  data(i: number): unknown {
    const c = this.columns;
    const s = c.shape[i];
    if (s < 0) return NOT_PACKED;
    const { keys, kinds } = c.shapes[s];
    const values = c.values;
    const ends = c.stringEnds;
    let f = c.at[i];
    const o: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++, f++) {
      const v = values[f];
      switch (kinds[k]) {
        case STRING:
          // its own string: a payload value kept in an aggregate must not keep the batch's strings
          o[keys[k]] = this.cut[v] ?? (this.cut[v] = ownString(c.strings.slice(v === 0 ? 0 : ends[v - 1], ends[v])));
          break;
        case INT:
          o[keys[k]] = v | 0;
          break;
        case NUMBER:
          o[keys[k]] = v;
          break;
        case BOOLEAN:
          o[keys[k]] = v === 1;
          break;
        default:
          o[keys[k]] = null;
      }
    }
    return o;
  }
}
