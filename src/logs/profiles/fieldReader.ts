/**
 * Applies a profile to parsed records: resolves each common field's candidate pointers (the
 * first present one wins; a pointer may pass through a string holding JSON, as stores often
 * keep metadata), types the values — ids and streams as strings, positions as exact decimal
 * strings, times as `LogTime`s — lets the profile refine the result, and counts the records
 * each pointer served, once per record, for the report's `fieldsUsed` and `fieldPointers`. Pure.
 */
import { compareDecimal, isDecimal, normalizeDecimal } from '../json/decimal';
import { numberText, numberTextSupported } from '../json/exactJson';
import { epochUnit, parseTimeText, timeOfEpochDigits, timeOfNumber, type LogTime } from '../json/logTime';
import { compilePointer, parentOf, resolvePointer, type ParsedTexts, type Pointer } from '../json/pointer';
import type { PointerUse } from '../types';
import { jsonTextValue } from './payload';
import { COMMON_FIELDS, NEEDS_EXACT, problem, type CommonField, type JsonObject, type MutableEvent, type Profile, type ReadProblem, type ReadResult } from './profile';

export { NEEDS_EXACT } from './profile';

/** A field's compiled candidates and how often each served. */
interface FieldPlan {
  readonly field: CommonField;
  readonly pointers: readonly Pointer[];
  readonly served: number[];
  /** The read (`FieldReader.reads`) that last counted a pointer of this field, and which pointer: a read given up on takes its counts back. */
  countedIn: number;
  countedAt: number;
  /** The map names this field's pointer (or says the log has none): it overrides the profile's reading. */
  readonly mapped: boolean;
  /** Reads whose value the profile's `refine` changed after a pointer read it (Marten's stream scoped by its tenant): then `fieldsUsed` says the profile's `scoped` text. */
  refined: number;
}

const has = Object.prototype.hasOwnProperty;

/** Tokens that name a member of Object.prototype: read only as own properties. */
const inherited = (token: string): boolean => token in Object.prototype;

/** Resolves a pointer, parsing a string that holds a JSON object or array when a step goes through it (once per record with `parsed`). */
function resolve(root: unknown, pointer: Pointer, parsed?: ParsedTexts): unknown {
  // the common case, one member of the record itself: a plain read (a JSON object inherits only Object.prototype's members)
  if (pointer.tokens.length === 1) {
    const token = pointer.tokens[0];
    if (typeof root !== 'object' || root === null || Array.isArray(root)) return resolvePointer(root, pointer, true, parsed);
    return inherited(token) && !has.call(root, token) ? undefined : (root as Record<string, unknown>)[token];
  }
  return resolvePointer(root, pointer, true, parsed);
}

/**
 * What a pointer a user wrote (a map's `fields` or `data`) names in a record: in the record as
 * the profile prepared it (payloads decoded), else in the record as written — the one resolver
 * of both, each step passing through a string that holds JSON. Give the record's pointers one
 * `parsed` (a new Map per record) and a string holding JSON is parsed once for all of them.
 */
export function lookUp(record: JsonObject, prepared: JsonObject, pointer: Pointer, parsed?: ParsedTexts): unknown {
  const value = resolve(prepared, pointer, parsed);
  return (value === undefined || value === null) && prepared !== record ? resolve(record, pointer, parsed) : value;
}

/**
 * A position as exact text: a number's digits (its source text when it is not a safe
 * integer), a string as written (a zero-padded decimal keeps its zeros; comparisons
 * normalize); NEEDS_EXACT for an unsafe number whose source text is not known
 * yet; undefined when there is none.
 */
export function positionOf(value: unknown, holder?: { holder: object; key: string }): string | undefined | typeof NEEDS_EXACT {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value !== 'number') return undefined;
  if (Number.isSafeInteger(value)) return value >= 0 ? String(value) : String(value);
  const text = holder ? numberText(holder.holder, holder.key) : undefined;
  if (text !== undefined) return text;
  return numberTextSupported && holder ? NEEDS_EXACT : String(value);
}

/** An id-like value (id, stream, source, causation) as a string: strings as they are, numbers exactly, objects as compact JSON. */
export function idOf(value: unknown, holder?: { holder: object; key: string }): string | undefined | typeof NEEDS_EXACT {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return positionOf(value, holder);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return undefined;
}

/**
 * What a numeric time counts: the profile's unit (`ms`, `s`), or `auto` where none is fixed — an
 * epoch count read by its magnitude (seconds, ms, µs or ns: logTime's `epochUnit`).
 */
export type TimeUnit = 'ms' | 's' | 'auto';

/**
 * A time value: RFC 3339 text, or a number (or a string of one) in `unit`; a message when it is
 * neither. `digits`: a number's source text, so a nanosecond count past 2^53 keeps every digit.
 */
export function timeOf(value: unknown, unit: TimeUnit = 'ms', digits?: string): LogTime | string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return countTime(value, unit, digits) ?? `time: expected a finite number, got ${value}`;
  if (typeof value === 'string') return parseTimeText(value) ?? (/^-?\d+(\.\d+)?$/.test(value) ? countTime(Number(value), unit, value) : undefined) ?? `time: ${show(value)} is not an RFC 3339 time`;
  return `time: expected an RFC 3339 time or a number, got ${show(value)}`;
}

/** An epoch count as a time: seconds and ms as before; µs and ns from their digits, to the last one (else to the ms a double holds). */
function countTime(count: number, unit: TimeUnit, digits: string | undefined): LogTime | undefined {
  if (!Number.isFinite(count)) return undefined;
  const u = unit === 'auto' ? epochUnit(count) : unit;
  if (u === 's' || u === 'ms') return timeOfNumber(count, u);
  const text = digits ?? (Number.isSafeInteger(count) ? String(count) : undefined);
  return (text !== undefined && /^-?\d+$/.test(text) ? timeOfEpochDigits(text, u) : undefined) ?? timeOfNumber(count / (u === 'us' ? 1e3 : 1e6));
}

/** A short, single-line rendering of a value for messages (never recursing into it). */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/**
 * Reads records under one profile, a map's `fields` overriding the profile's reading of
 * theirs whatever the profile (logs.md, "Map file"): the profile reads the record as it
 * always does — its pointers, `prepare`, `refine`, or its own `read` — and then each field the
 * map names is what the map's pointer gives (typed like any field), or nothing when the
 * pointer finds nothing or the map says `null`. A Purestream log's commands, rejections and
 * header are read as they are.
 */
export class FieldReader {
  private readonly plans: FieldPlan[];
  private readonly mapped: FieldPlan[];
  /** The mapped fields the profile's `refine` derives: what the map's pointers read is put back after it. */
  private readonly mappedDerived: FieldPlan[];
  /** The fields a pointer reads and the profile's `refine` may rewrite (see FieldPlan.refined). */
  private readonly scopedPlans: FieldPlan[];
  /** The record the last read's pointers saw (payloads decoded), for a map's `data` pointers. */
  lastPrepared: JsonObject | undefined;
  /** Records whose payload was the text of a JSON object or array in a string, read as that JSON (a note of the report says how many). */
  jsonTextPayloads = 0;
  /** The read that last counted a JSON text payload (a read given up on takes it back). */
  private jsonTextIn = -1;
  private readonly typePlan: FieldPlan;
  /** Reads so far (each read's counts are known by it). */
  private reads = 0;

  constructor(
    readonly profile: Profile,
    overrides: Partial<Readonly<Record<CommonField, string | null>>> = {},
  ) {
    this.plans = COMMON_FIELDS.map((field) => {
      const given = has.call(overrides, field) ? overrides[field] : undefined;
      const texts = given !== undefined ? (given === null ? [] : [given]) : (profile.fields[field] ?? []);
      const pointers = texts.map(compilePointer);
      return { field, pointers, served: pointers.map(() => 0), mapped: given !== undefined, countedIn: -1, countedAt: -1, refined: 0 };
    });
    this.typePlan = this.plans.find((p) => p.field === 'type')!;
    this.mapped = this.plans.filter((p) => p.mapped);
    this.mappedDerived = this.mapped.filter((p) => profile.refine !== undefined && profile.derived?.[p.field] !== undefined);
    this.scopedPlans = this.plans.filter((p) => p.pointers.length > 0 && profile.refine !== undefined && profile.scoped?.[p.field] !== undefined);
  }

  /** The profile's quick reading of a record's text, unless the map changes what a field is read from (then every record is read by `read`). */
  get scan(): Profile['scan'] {
    return this.mapped.length === 0 ? this.profile.scan : undefined;
  }

  /** Reads one parsed record; NEEDS_EXACT asks for an exact parse. */
  read(record: JsonObject): ReadResult | typeof NEEDS_EXACT {
    this.reads++;
    if (this.profile.read) {
      this.lastPrepared = record;
      const read = this.profile.read(record);
      if (this.mapped.length === 0 || read === NEEDS_EXACT || read.kind === 'anomaly' || read.kind === 'command' || read.kind === 'rejection' || read.kind === 'header') return read;
      const e: MutableEvent = { ...read };
      for (const plan of this.mapped) {
        // the map's field replaces the profile's reading, found or not
        (e as Record<string, unknown>)[plan.field] = undefined;
        const refused = this.readField(plan, record, record, e);
        if (refused !== undefined) return this.givenUp(refused);
      }
      return this.typed(e);
    }
    const prepared = this.profile.prepare ? this.profile.prepare(record) : record;
    if (prepared === NEEDS_EXACT) return NEEDS_EXACT;
    this.lastPrepared = prepared;
    const e: MutableEvent = { kind: 'event', type: undefined, data: undefined };
    for (const plan of this.plans) {
      const refused = this.readField(plan, record, prepared, e);
      if (refused !== undefined) return this.givenUp(refused);
    }
    if (this.profile.refine) {
      // a field the profile derives in `refine` (a Kafka source, a Message DB causation) stays what the map's pointer read; nothing is kept when the map names none
      const derived = this.mappedDerived;
      const kept = derived.length === 0 ? undefined : derived.map((p) => e[p.field]);
      const scoped = this.scopedPlans;
      const before = scoped.length === 0 ? undefined : scoped.map((p) => e[p.field]);
      const refused = this.profile.refine(prepared, e);
      if (refused) return refused;
      if (before) for (let i = 0; i < before.length; i++) if (before[i] !== undefined && e[scoped[i].field] !== before[i]) scoped[i].refined++;
      if (kept) for (let i = 0; i < kept.length; i++) (e as Record<string, unknown>)[derived[i].field] = kept[i];
      // a tombstone's type is no event's (it is counted apart): not counted as read (from a Kafka topic)
      if (e.kind === 'tombstone') this.uncount(this.typePlan);
    }
    return this.typed(e);
  }

  /** A read that stops: a record read again exactly (NEEDS_EXACT) takes back this read's counts, so each record counts once. */
  private givenUp(refused: ReadProblem | typeof NEEDS_EXACT): ReadProblem | typeof NEEDS_EXACT {
    if (refused === NEEDS_EXACT) {
      for (const plan of this.plans) this.uncount(plan);
      if (this.jsonTextIn === this.reads) this.jsonTextPayloads--;
      this.jsonTextIn = -1;
    }
    return refused;
  }

  /** Takes back the count this read made for `plan`, if it made one. */
  private uncount(plan: FieldPlan): void {
    if (plan.countedIn !== this.reads) return;
    plan.served[plan.countedAt]--;
    plan.countedIn = -1;
  }

  /** The event, or `unmapped` when no type was read. */
  private typed(e: MutableEvent): ReadResult {
    // a tombstone has no type to read (a map's type pointer finds nothing in it): counted as a tombstone all the same
    if (e.kind === 'tombstone') return { ...e, type: e.type ?? '' } as unknown as ReadResult;
    if (e.type === undefined || e.type === '') return problem('unmapped', `no event type under the ${this.profile.name} profile (${this.describe('type')})`);
    return e as unknown as ReadResult;
  }

  /**
   * Sets one field of `e` from the first of its pointers present in the prepared record (a
   * mapped pointer that finds nothing there is tried on the record as written); leaves it as it
   * is when none is. Returns why the record cannot be read, if it cannot.
   */
  private readField(plan: FieldPlan, record: JsonObject, prepared: JsonObject, e: MutableEvent): ReadProblem | typeof NEEDS_EXACT | undefined {
    const out = e as Record<string, unknown>;
    let value: unknown;
    let at = -1;
    let from = prepared;
    for (let i = 0; i < plan.pointers.length; i++) {
      value = resolve(prepared, plan.pointers[i]);
      if ((value === undefined || value === null) && plan.mapped && prepared !== record) {
        value = resolve(record, plan.pointers[i]);
        from = record;
      }
      // a producer scope is a name: an object there (Debezium's `source` block) is no scope, each record's own
      if (typeof value === 'object' && plan.field === 'source') value = undefined;
      if (value !== undefined && value !== null) {
        at = i;
        break;
      }
    }
    if (at < 0) return undefined;
    const pointer = plan.pointers[at];
    switch (plan.field) {
      case 'data':
        if (typeof value === 'string') {
          // JSON text in a string (a payload encoded twice): read as the JSON it holds; any other text stays text
          const json = jsonTextValue(value);
          if (json !== undefined) {
            value = json;
            if (this.profile.textColumns !== true) {
              this.jsonTextPayloads++;
              this.jsonTextIn = this.reads;
            }
          }
        }
        out.data = value;
        break;
      case 'metadata':
        out.metadata = value;
        break;
      case 'time': {
        // a unit no profile fixes is read by the count's magnitude; a nanosecond count past 2^53 from its source text
        const unit = this.profile.numericTime ?? 'auto';
        let digits: string | undefined;
        if (unit === 'auto' && typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
          const holder = holderOf(record, from, pointer);
          digits = holder ? numberText(holder.holder, holder.key) : undefined;
          if (digits === undefined && numberTextSupported && holder) return NEEDS_EXACT;
        }
        const t = timeOf(value, unit, digits);
        if (typeof t === 'string') return problem('malformed', t);
        e.time = t;
        break;
      }
      case 'type':
        if (typeof value !== 'string' && typeof value !== 'number') return problem('malformed', `type: expected a string at ${pointer.text === '' ? 'the record itself (pointer "")' : pointer.text}, got ${show(value)}`);
        e.type = String(value);
        break;
      default: {
        const holder = typeof value === 'number' ? holderOf(record, from, pointer) : undefined;
        const text = plan.field === 'streamPosition' || plan.field === 'globalPosition' ? positionOf(value, holder) : idOf(value, holder);
        if (text === NEEDS_EXACT) return NEEDS_EXACT;
        if (text === undefined) return undefined;
        out[plan.field] = text;
      }
    }
    plan.served[at]++;
    plan.countedIn = this.reads;
    plan.countedAt = at;
    return undefined;
  }

  private describe(field: CommonField): string {
    const plan = this.plans.find((p) => p.field === field)!;
    if (plan.pointers.length === 0) return `the map says the log has no ${field}`;
    const tried = new Set(plan.pointers.map((p) => (p.text === '' ? '""' : this.named(plan, p.text))));
    return `${plan.mapped ? "tried the map's " : 'tried '}${[...tried].join(', ')}`;
  }

  /** A pointer as the report names it: a map's as written; a profile's into the record it prepared, as what it reads in the record itself (Profile.pointerNames). */
  private named(plan: FieldPlan, text: string): string {
    const names = plan.mapped ? undefined : this.profile.pointerNames;
    return names !== undefined && Object.hasOwn(names, text) ? names[text] : text;
  }

  /** The pointer that gave `field` in the last read (undefined: none did, or the profile read the record itself). */
  lastPointer(field: CommonField): string | undefined {
    const plan = this.plans[COMMON_FIELDS.indexOf(field)];
    return plan.countedIn === this.reads ? this.named(plan, plan.pointers[plan.countedAt].text) : undefined;
  }

  /** Per common field, the pointer that served it most often (null: none did); a field the map names is never reported as the profile's. */
  fieldsUsed(): Record<CommonField, string | null> {
    const out = {} as Record<CommonField, string | null>;
    for (const plan of this.plans) {
      let best = -1;
      for (let i = 0; i < plan.served.length; i++) if (plan.served[i] > 0 && (best < 0 || plan.served[i] > plan.served[best])) best = i;
      if (best >= 0) out[plan.field] = plan.refined > 0 ? this.profile.scoped![plan.field]! : this.named(plan, plan.pointers[best].text);
      // a profile that reads records itself serves its first pointers (or derives the field)
      else if (plan.mapped) out[plan.field] = null;
      else if (this.profile.read) out[plan.field] = plan.pointers[0]?.text ?? null;
      else out[plan.field] = this.profile.derived?.[plan.field] ?? null;
    }
    return out;
  }

  /**
   * The fields read through more than one pointer, or through a fallback of the profile (a
   * map's own pointer never is one): each pointer that served, with its record count, most
   * first (ties in candidate order). Empty when every field came from one ordinary pointer.
   */
  fieldPointers(): Partial<Record<CommonField, PointerUse[]>> {
    const out: Partial<Record<CommonField, PointerUse[]>> = {};
    for (const plan of this.plans) {
      const notes = plan.mapped ? undefined : this.profile.fallbacks?.[plan.field];
      const uses: PointerUse[] = [];
      let fallback = false;
      for (let i = 0; i < plan.served.length; i++) {
        if (plan.served[i] === 0) continue;
        const pointer = plan.pointers[i].text;
        const note = notes !== undefined && Object.hasOwn(notes, pointer) ? notes[pointer] : undefined;
        if (note !== undefined) fallback = true;
        uses.push({ pointer: this.named(plan, pointer), records: plan.served[i], ...(note !== undefined ? { note } : {}) });
      }
      if (uses.length > 1 || fallback) out[plan.field] = uses.sort((a, b) => b.records - a.records);
    }
    return out;
  }
}

/** Where an unsafe number was parsed: in the record itself when the pointer reaches it there, else in the prepared record. */
function holderOf(record: JsonObject, prepared: JsonObject, pointer: Pointer): { holder: object; key: string } | undefined {
  const own = parentOf(record, pointer);
  if (own && Object.hasOwn(own.holder, own.key)) return own;
  return parentOf(prepared, pointer);
}

/** Orders two positions: decimals numerically, anything else as text. */
export function comparePositions(a: string, b: string): number {
  if (isDecimal(a) && isDecimal(b)) return compareDecimal(normalizeDecimal(a), normalizeDecimal(b));
  return a < b ? -1 : a > b ? 1 : 0;
}
