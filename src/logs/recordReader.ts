/**
 * Turns one record's text into a typed log record or an anomaly: JSON syntax, the record's
 * shape (`seq`, `id`, `at`...), its type (known to the domain) and its data (the domain's
 * schema; messages name the field, `data.qty: expected an integer >= 1, got 0`). CloudEvents
 * are mapped by ./cloudEventReader. Pure.
 */
import { validate, type AnyDecider, type ObjectSchema } from '../../domain/kernel';
import { compileSchema, type Check } from './compiledSchema';
import { readCloudEvent, type TypeMap } from './cloudEventReader';
import { scanEnvelope } from './envelopeScanner';
import { parseTime } from './timestamps';
import type { AnomalyKind, BatchLevel, BatchRef, EventRecord, LogHeader, LogRecord } from './types';

/** What one record's text turned out to be. */
export type ReadResult = LogRecord | LogHeader | { readonly kind: 'anomaly'; readonly anomaly: AnomalyKind; readonly message: string };

/** Which record forms a reader accepts. */
export type RecordForm = 'any' | 'events' | 'cloudevents';

const problem = (anomaly: AnomalyKind, message: string): ReadResult => ({ kind: 'anomaly', anomaly, message });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
};

/** A type's compiled schema, and the type's name as the domain spells it (a string V8 compares by identity with the domain's own). */
interface CompiledType {
  readonly check: Check;
  readonly type: string;
}

/** A compiled schema per type, with the kernel schema to explain failures. */
interface TypeSchemas {
  readonly checks: Map<string, CompiledType>;
  /** The same lookup as `checks.get`, quicker on the type text of a record (see `lookupOf`). */
  readonly find: (type: string) => CompiledType | undefined;
  readonly schemas: Readonly<Record<string, ObjectSchema>>;
}

/**
 * A lookup among a domain's few type names that never hashes the name asked for: JSON.parse
 * hands over type strings longer than 10 characters unhashed, and a Map would hash each one
 * (a runtime call per record). Compares lengths, then text; a Map past 32 names.
 */
function lookupOf<T>(entries: Map<string, T>): (name: string) => T | undefined {
  if (entries.size > 32) return (name) => entries.get(name);
  const names = [...entries.keys()];
  const values = [...entries.values()];
  return (name) => {
    for (let i = 0; i < names.length; i++) if (names[i].length === name.length && names[i] === name) return values[i];
    return undefined;
  };
}

const compileAll = (schemas: Readonly<Record<string, ObjectSchema>>): TypeSchemas => {
  const checks = new Map(Object.entries(schemas).map(([type, s]) => [type, { check: compileSchema(s), type }]));
  return { checks, find: lookupOf(checks), schemas };
};

/**
 * A checked event as a record, in one fixed shape (absent fields undefined) whichever way it was
 * read; its type is the domain's own string, so `evolve`'s `switch (event.type)` and the type
 * counts compare by identity.
 */
const eventRecord = (
  seq: number,
  id: string,
  known: CompiledType,
  at: number,
  time: string | undefined,
  data: unknown,
  stream: string | undefined,
  causationId: string | undefined,
  correlationId: string | undefined,
): EventRecord => ({ kind: 'event', seq, id, type: known.type, at, time, data, stream, causationId, correlationId, seqGiven: true });

/** Reads records of one domain; holds the compiled schemas and the type map. */
export class RecordReader {
  private readonly events: TypeSchemas;
  private readonly commands: TypeSchemas;

  constructor(
    readonly decider: AnyDecider,
    private readonly form: RecordForm = 'any',
    readonly typeMap: TypeMap = {},
  ) {
    this.events = compileAll(decider.eventSchemas as Record<string, ObjectSchema>);
    this.commands = compileAll(decider.commandSchemas as Record<string, ObjectSchema>);
  }

  /** True when the domain has this event type. */
  isEventType = (type: string): boolean => this.events.checks.has(type);
  /** True when the domain has this command type. */
  isCommandType = (type: string): boolean => this.commands.checks.has(type);

  /** Parses and checks one record's text: the common event record quickly (./envelopeScanner), any other by `parse`. */
  read(text: string): ReadResult {
    return (this.form !== 'cloudevents' ? this.scannedEvent(text) : undefined) ?? this.parse(text);
  }

  /** The event record read by the envelope scanner when it is plainly valid; undefined leaves it to `parse`. */
  private scannedEvent(text: string): ReadResult | undefined {
    const e = scanEnvelope(text);
    if (e === undefined || e.id.length === 0) return undefined;
    const known = this.events.find(e.type);
    if (known === undefined) return undefined;
    let data: unknown;
    try {
      data = JSON.parse(text.slice(e.dataStart, e.dataEnd));
    } catch {
      return undefined;
    }
    if (!known.check(data)) return undefined;
    return eventRecord(e.seq, e.id, known, e.at, undefined, data, e.stream, e.causationId, e.correlationId);
  }

  /** Parses and checks one record's text with JSON.parse: every form, every error worded. */
  parse(text: string): ReadResult {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return problem('malformed', `not JSON: ${(e as Error).message}`);
    }
    return this.readValue(value);
  }

  /** Checks one parsed record. */
  readValue(value: unknown): ReadResult {
    if (!isObject(value)) return problem('malformed', `expected a JSON object, got ${Array.isArray(value) ? 'an array' : show(value)}`);
    if (value.specversion !== undefined && this.form !== 'events') return readCloudEvent(value, this);
    if (this.form === 'cloudevents') return problem('malformed', 'not a CloudEvent: "specversion" is missing');
    if (value.seq !== undefined) return this.event(value);
    if (value.kind === 'command') return this.command(value);
    if (value.kind === 'rejection') return this.rejection(value);
    if (value.kind !== undefined) return problem('malformed', `kind: expected "command" or "rejection", got ${show(value.kind)}`);
    if (value.format !== undefined) return this.header(value);
    return problem('malformed', 'not a log record: expected "seq" (an event), "kind" (a command or rejection) or "specversion" (a CloudEvent)');
  }

  /** Checks an event's data against its schema; undefined when valid, else the anomaly. */
  checkEventData(type: string, data: unknown): ReadResult | undefined {
    return this.checkData(this.events, type, data);
  }

  /** Checks a command's data against its schema. */
  checkCommandData(type: string, data: unknown): ReadResult | undefined {
    return this.checkData(this.commands, type, data);
  }

  private checkData(schemas: TypeSchemas, type: string, data: unknown): ReadResult | undefined {
    if (schemas.checks.get(type)!.check(data)) return undefined;
    const errors = validate(schemas.schemas[type], data, 'data');
    return problem('invalid-data', errors.map((e) => `${e.path}: ${e.message}`).join('; ') || 'data: does not match the schema');
  }

  private event(v: Record<string, unknown>): ReadResult {
    const { seq, id, type, data } = v;
    const at = parseTime(v.at);
    const known = typeof type === 'string' ? this.events.find(type) : undefined;
    // the common case in one test, without building a message (this runs once per event of a million-event log)
    const wellFormed =
      typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 && typeof id === 'string' && id.length > 0 && at !== undefined && isOptionalString(v.stream) && isOptionalString(v.causationId) && isOptionalString(v.correlationId);
    if (!wellFormed || known === undefined || !known.check(data)) return this.badEvent(v, at);
    return eventRecord(seq, id, known, at, typeof v.at === 'string' ? v.at : undefined, data, v.stream as string | undefined, v.causationId as string | undefined, v.correlationId as string | undefined);
  }

  /** The anomaly of an event record that failed the fast test: the first problem, named. */
  private badEvent(v: Record<string, unknown>, at: number | undefined): ReadResult {
    const { seq, id, type, data } = v;
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) return problem('malformed', `seq: expected an integer >= 0, got ${show(seq)}`);
    const bad = badString('id', id) ?? badString('type', type) ?? (at === undefined ? `at: expected ms or an ISO-8601 time, got ${show(v.at)}` : undefined) ?? badOptional(v, 'stream', 'causationId', 'correlationId');
    if (bad) return problem('malformed', bad);
    if (!this.isEventType(type as string)) return problem('unknown-type', `unknown event type ${show(type)} for domain ${this.decider.id}`);
    return this.checkEventData(type as string, data) ?? problem('invalid-data', 'data: does not match the schema');
  }

  private command(v: Record<string, unknown>): ReadResult {
    const { id, type, data } = v;
    const at = parseTime(v.at);
    const batch = readBatch(v.batch);
    const bad =
      badString('id', id) ?? badString('type', type) ?? (at === undefined ? `at: expected ms or an ISO-8601 time, got ${show(v.at)}` : undefined) ?? badOptional(v, 'actor') ?? (typeof batch === 'string' ? batch : undefined);
    if (bad) return problem('malformed', bad);
    if (!this.isCommandType(type as string)) return problem('unknown-type', `unknown command type ${show(type)} for domain ${this.decider.id}`);
    const invalid = this.checkCommandData(type as string, data);
    if (invalid) return invalid;
    return {
      kind: 'command',
      id: id as string,
      type: type as string,
      at: at!,
      ...(typeof v.at === 'string' ? { time: v.at } : {}),
      data,
      ...(v.actor !== undefined ? { actor: v.actor as string } : {}),
      ...(batch ? { batch: batch as BatchRef } : {}),
      ...(v.authorize === true ? { authorize: true } : {}),
    };
  }

  private rejection(v: Record<string, unknown>): ReadResult {
    const at = parseTime(v.at);
    const bad = badString('commandId', v.commandId) ?? badString('code', v.code) ?? (at === undefined ? `at: expected ms or an ISO-8601 time, got ${show(v.at)}` : undefined);
    if (bad) return problem('malformed', bad);
    return { kind: 'rejection', commandId: v.commandId as string, code: v.code as string, at: at!, ...(typeof v.at === 'string' ? { time: v.at } : {}) };
  }

  private header(v: Record<string, unknown>): ReadResult {
    if (v.format !== 'purestream/events@1') return problem('malformed', `format: expected "purestream/events@1", got ${show(v.format)}`);
    const bad = badOptional(v, 'domain') ?? (v.authorize !== undefined && typeof v.authorize !== 'boolean' ? `authorize: expected true or false, got ${show(v.authorize)}` : undefined);
    if (bad) return problem('malformed', bad);
    return { kind: 'header', ...(v.domain !== undefined ? { domain: v.domain as string } : {}), ...(v.authorize !== undefined ? { authorize: v.authorize as boolean } : {}) };
  }
}

const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';

/** A message when `value` is not a non-empty string. */
export const badString = (name: string, value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? undefined : `${name}: expected a non-empty string, got ${value === undefined ? 'nothing' : show(value)}`;

const badOptional = (v: Record<string, unknown>, ...names: string[]): string | undefined => {
  for (const n of names) if (v[n] !== undefined && typeof v[n] !== 'string') return `${n}: expected a string, got ${show(v[n])}`;
  return undefined;
};

const isLevel = (b: unknown): b is BatchLevel => isObject(b) && typeof b.id === 'string' && (b.mode === 'all-or-nothing' || b.mode === 'allow-partial');

/** Reads a command's `batch`: the batch levels from the root, as an array (or one level as an object). */
export const readBatch = (b: unknown): BatchRef | string | undefined => {
  if (b === undefined) return undefined;
  const levels = Array.isArray(b) ? b : [b];
  if (levels.length === 0 || !levels.every(isLevel))
    return `batch: expected [{ "id": string, "mode": "all-or-nothing" | "allow-partial" }...], got ${show(b)}`;
  return levels.map((l) => ({ id: l.id, mode: l.mode }));
};
