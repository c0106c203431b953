/**
 * The mapping dialog's draft as plain data, and the `purestream/map@1` map it stands for
 * (logs.md, "Map file"): a pointer per common field (or none), type renames as `theirs = ours`
 * lines, per-type payload mappings as JSON, and the first revision of dense stream positions. Pure.
 */
import { readLogMap, type MapDomain } from '../../../../src/logs/profiles/logMap';
import { COMMON_FIELDS, type CommonField } from '../../../../src/logs/profiles/profile';

/** One field's setting: the profile's own pointers, a pointer, or "the log has none". */
export interface FieldDraft {
  readonly mode: 'profile' | 'pointer' | 'none';
  readonly pointer: string;
}

/** What the dialog edits. */
export interface MapDraft {
  readonly profile: string;
  readonly fields: Readonly<Record<CommonField, FieldDraft>>;
  /** `theirs = ours` per line. */
  readonly types: string;
  /** `{ "<type>": { "<member>": "<pointer>" } }`, or blank. */
  readonly data: string;
  /** The first stream revision when the map says revisions are dense (`"dense": {"streamPosition": 1}`: `'1'`), or '' when it does not. */
  readonly denseFrom: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The draft of a map (its file's object form), or of none. */
export function draftOf(map: unknown, profile = ''): MapDraft {
  const m = isObject(map) ? (map.format === undefined ? { types: map } : map) : {};
  const given = isObject(m.fields) ? m.fields : {};
  const fields = Object.fromEntries(
    COMMON_FIELDS.map((f) => [f, Object.hasOwn(given, f) ? (given[f] === null ? { mode: 'none', pointer: '' } : { mode: 'pointer', pointer: String(given[f]) }) : { mode: 'profile', pointer: '' }]),
  ) as Record<CommonField, FieldDraft>;
  const types = isObject(m.types) ? Object.entries(m.types).map(([theirs, ours]) => `${theirs} = ${String(ours)}`).join('\n') : '';
  const dense = isObject(m.dense) && typeof m.dense.streamPosition === 'number' ? String(m.dense.streamPosition) : '';
  return { profile: typeof m.profile === 'string' ? m.profile : profile, fields, types, data: isObject(m.data) ? JSON.stringify(m.data, null, 2) : '', denseFrom: dense };
}

/**
 * The map a draft stands for (undefined when it changes nothing), or its problems in words
 * (checked by the one map reader, as `--map` is; with the chosen `domain`, a rename or payload
 * mapping to a type the domain lacks is one, as the inspection would refuse it).
 */
export function mapOf(draft: MapDraft, domain?: MapDomain): { map: Record<string, unknown> | undefined } | { problem: string } {
  const fields: Record<string, string | null> = {};
  for (const f of COMMON_FIELDS) {
    const d = draft.fields[f];
    if (d.mode === 'none') fields[f] = null;
    else if (d.mode === 'pointer') fields[f] = d.pointer;
  }
  const types: Record<string, string> = {};
  for (const [i, line] of draft.types.split('\n').entries()) {
    if (line.trim() === '') continue;
    const at = line.lastIndexOf('=');
    if (at < 0) return { problem: `type renames, line ${i + 1}: write "their type = our type"` };
    const theirs = line.slice(0, at).trim();
    const ours = line.slice(at + 1).trim();
    if (!theirs || !ours) return { problem: `type renames, line ${i + 1}: both sides of "=" need a type` };
    Object.defineProperty(types, theirs, { value: ours, enumerable: true, writable: true, configurable: true });
  }
  let data: unknown;
  if (draft.data.trim() !== '') {
    try {
      data = JSON.parse(draft.data);
    } catch (e) {
      return { problem: `payload mapping: not JSON (${(e as Error).message})` };
    }
  }
  const map: Record<string, unknown> = { format: 'purestream/map@1' };
  if (draft.profile) map.profile = draft.profile;
  if (Object.keys(fields).length > 0) map.fields = fields;
  if (Object.keys(types).length > 0) map.types = types;
  if (data !== undefined) map.data = data;
  if (draft.denseFrom !== '') map.dense = { streamPosition: Number(draft.denseFrom) };
  if (Object.keys(map).length === 1) return { map: undefined };
  const read = readLogMap(map, domain);
  return read.ok ? { map } : { problem: read.problems.join('; ') };
}
