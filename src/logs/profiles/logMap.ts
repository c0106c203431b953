/**
 * The map file, `purestream/map@1` (logs.md, "Map file"): JSON Pointers (RFC 6901) for any
 * common field (`""` the whole record, `null` the log has none), `types` renaming the log's
 * event types (the old `--type-map` file is this object alone), and `data` building a domain
 * event's payload from the record, per domain event type. An optional `profile` names the
 * profile the pointers refine (an extension; without it they refine the detected one).
 * Every user-named thing lives in a Map, so `constructor` or `__proto__` are names like any
 * other. Pure.
 */
import type { DomainInfo } from '../../../domain/kernel';
import { compilePointer, pointerProblem, type ParsedTexts, type Pointer } from '../json/pointer';
import { lookUp } from './fieldReader';
import { COMMON_FIELDS, PROFILE_NAMES, type CommonField, type JsonObject, type ProfileName } from './profile';

/** A map, checked and compiled. */
export interface LogMap {
  readonly profile?: ProfileName;
  readonly fields: Partial<Readonly<Record<CommonField, string | null>>>;
  /** Their event type → the name to use (the domain's event type). */
  readonly types: ReadonlyMap<string, string>;
  /** Domain event type → payload member → pointer into the record. */
  readonly data: ReadonlyMap<string, ReadonlyMap<string, Pointer>>;
  /**
   * Positions the log promises dense (an extension): `streamPosition`, each stream's first
   * revision (`0`, `1`) — a skipped revision is a `gap`, and a stream whose first is past it began
   * before the read, as under a store's profile.
   */
  readonly dense?: { readonly streamPosition: string };
}

/** An empty map: nothing renamed. */
export const NO_MAP: LogMap = { fields: {}, types: new Map(), data: new Map() };

/** The members of a `purestream/map@1` file. */
const MAP_MEMBERS = ['format', 'profile', 'fields', 'types', 'data', 'dense'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** What a map is checked against when a domain is chosen: its event types, when it declares any. */
export type MapDomain = Pick<DomainInfo, 'id' | 'eventSchemas' | 'declaresEvents'>;

/**
 * Checks a parsed map file; returns the map or the problems, each naming its JSON path
 * (`fields.type: …`). A plain object of strings is read as `types` alone (`--type-map`).
 * With a `domain` that declares its event types, those are the names `types` and `data` may
 * use; a name it lacks is a problem, and the domain's types are listed once, in a last line.
 */
export function readLogMap(value: unknown, domain?: MapDomain): { ok: true; map: LogMap } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const eventTypes = domain?.declaresEvents ? new Set(Object.keys(domain.eventSchemas)) : undefined;
  let foreign = 0;
  if (!isObject(value)) return { ok: false, problems: ['expected a JSON object: a purestream/map@1 map, or a type map from their event type to ours'] };
  const typesOnly = value.format === undefined;
  // a map without its format would be read as a type map and fail on every member: say what is missing
  const mapMembers = typesOnly ? MAP_MEMBERS.filter((key) => key !== 'format' && Object.hasOwn(value, key) && isObject(value[key])) : [];
  if (mapMembers.length > 0)
    return { ok: false, problems: [`format: is missing: a map (with ${mapMembers.map((k) => `"${k}"`).join(', ')}) needs "format": "purestream/map@1"; or give a type map as a plain object { "theirs": "ours" }`] };
  const body: Record<string, unknown> = typesOnly ? { format: 'purestream/map@1', types: value } : value;
  if (body.format !== 'purestream/map@1') problems.push(`format: expected "purestream/map@1", got ${JSON.stringify(body.format)}`);
  for (const key of Object.keys(body)) if (!(MAP_MEMBERS as readonly string[]).includes(key)) problems.push(`${shown(key)}: unknown member (expected format, profile, fields, types, data, dense)`);
  let profile: ProfileName | undefined;
  if (body.profile !== undefined) {
    if (typeof body.profile === 'string' && (PROFILE_NAMES as readonly string[]).includes(body.profile)) profile = body.profile as ProfileName;
    else problems.push(`profile: expected one of ${PROFILE_NAMES.join(', ')}, got ${JSON.stringify(body.profile)}`);
  }
  const fields: Partial<Record<CommonField, string | null>> = {};
  if (body.fields !== undefined) {
    if (!isObject(body.fields)) problems.push('fields: expected an object from common field to JSON Pointer');
    else
      for (const [name, pointer] of Object.entries(body.fields)) {
        if (!(COMMON_FIELDS as readonly string[]).includes(name)) problems.push(`fields.${name}: not a common field (${COMMON_FIELDS.join(', ')})`);
        else if (pointer !== null && typeof pointer !== 'string') problems.push(`fields.${name}: expected a JSON Pointer or null`);
        else {
          const bad = typeof pointer === 'string' ? pointerProblem(pointer) : undefined;
          if (bad) problems.push(`fields.${name}: ${bad}`);
          else fields[name as CommonField] = pointer;
        }
      }
  }
  const types = new Map<string, string>();
  if (body.types !== undefined) {
    if (!isObject(body.types)) problems.push('types: expected an object from their event type to ours');
    else
      for (const [theirs, ours] of Object.entries(body.types)) {
        const path = typesOnly ? shown(theirs) : `types.${shown(theirs)}`;
        if (typeof ours !== 'string' || ours === '') problems.push(`${path}: expected an event type name, got ${JSON.stringify(ours)}`);
        else if (eventTypes && !eventTypes.has(ours)) {
          foreign++;
          problems.push(`${path}: ${shown(ours)} is not an event type of ${domain!.id}`);
        }
        else types.set(theirs, ours);
      }
  }
  const data = new Map<string, Map<string, Pointer>>();
  if (body.data !== undefined) {
    if (!isObject(body.data)) problems.push('data: expected an object from event type to { member: JSON Pointer }');
    else
      for (const [type, members] of Object.entries(body.data)) {
        if (eventTypes && !eventTypes.has(type)) {
          foreign++;
          problems.push(`data.${shown(type)}: not an event type of ${domain!.id}`);
        }
        if (!isObject(members)) {
          problems.push(`data.${shown(type)}: expected an object from payload member to JSON Pointer`);
          continue;
        }
        const pointers = new Map<string, Pointer>();
        for (const [member, pointer] of Object.entries(members)) {
          const bad = typeof pointer !== 'string' ? 'expected a JSON Pointer' : pointerProblem(pointer);
          if (bad) problems.push(`data.${shown(type)}.${shown(member)}: ${bad}`);
          else pointers.set(member, compilePointer(pointer as string));
        }
        data.set(type, pointers);
      }
  }
  const dense = body.dense === undefined ? undefined : readDense(body.dense, problems);
  // the domain's types once, not in every problem: a map made for other rules names many
  if (foreign > 0) problems.push(`${domain!.id}'s event types: ${[...eventTypes!].join(', ')}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, map: { ...(profile ? { profile } : {}), fields, types, data, ...(dense ? { dense } : {}) } };
}

/** The map's `dense` (`{"streamPosition": 1}`: stream revisions are dense from 1), or undefined with its problems added. */
function readDense(value: unknown, problems: string[]): LogMap['dense'] {
  if (!isObject(value)) {
    problems.push('dense: expected an object naming the first value of a dense position, e.g. {"streamPosition": 0}');
    return undefined;
  }
  for (const key of Object.keys(value)) if (key !== 'streamPosition') problems.push(`dense.${shown(key)}: unknown member (expected streamPosition: the first revision of every stream, a whole number, usually 0 or 1)`);
  const first = value.streamPosition;
  if (first === undefined) return undefined;
  if (typeof first !== 'number' || !Number.isSafeInteger(first) || first < 0) {
    problems.push(`dense.streamPosition: expected the first revision of every stream (a whole number, usually 0 or 1), got ${JSON.stringify(first)}`);
    return undefined;
  }
  return { streamPosition: String(first) };
}

/**
 * Builds a domain event's payload from the record by the map's pointers for its type (members
 * the record lacks are left out): each pointer resolved as a map's `fields` pointers are, in the
 * record as the profile prepared it, else as written, through strings holding JSON (lookUp) — a
 * string holding JSON is parsed once for all the pointers (ParsedTexts).
 */
export function mappedPayload(pointers: ReadonlyMap<string, Pointer>, record: JsonObject, prepared: JsonObject = record): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const parsed: ParsedTexts | undefined = pointers.size > 1 ? new Map() : undefined;
  for (const [member, pointer] of pointers) {
    const value = lookUp(record, prepared, pointer, parsed);
    if (value !== undefined) Object.defineProperty(out, member, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
