/**
 * The `invalid-data` message of a payload a domain's schema refuses, with a hint when a strict
 * schema (`additionalProperties: false`) refuses the member the record's type was read from, or
 * one named like a type (`type`, `eventType`, `event_type`): a payload that keeps its type field
 * (`{"type":"BookLent","book":"b1"}` as data) is common, and a map's `data` (logs.md, "Map
 * file": "`data` builds a domain event's payload from the record, keyed by the domain's event
 * type") builds the payload without it. Pure.
 */
import type { ValidationError } from '../../domain/kernel';
import { compilePointer, pointerProblem, pointerToken } from './json/pointer';

/** What the engine's payload check says of a member the schema does not allow. */
const UNKNOWN_FIELD = 'is not a known field';
const TYPE_NAMES: ReadonlySet<string> = new Set(['type', 'eventType', 'event_type']);

/** The payload refused and where it came from. */
export interface RefusedPayload {
  /** The domain's event type. */
  readonly type: string;
  readonly data: unknown;
  /** The JSON Pointers that gave the record's type and its payload, when known (a profile that reads records itself names none). */
  readonly typePointer?: string;
  readonly dataPointer?: string;
}

/** `data.qty: expected an integer >= 1, got 0; data.type: is not a known field (…hint…)`: every problem, the first type member's with the hint. */
export function invalidDataMessage(errors: readonly ValidationError[], payload: RefusedPayload): string {
  const source = memberOf(payload.typePointer, payload.dataPointer);
  let hinted = false;
  return errors
    .map((x) => {
      const text = `${x.path}: ${x.message}`;
      if (hinted || x.message !== UNKNOWN_FIELD || !x.path.startsWith('data.')) return text;
      const name = x.path.slice('data.'.length);
      if (name !== source && !TYPE_NAMES.has(name)) return text;
      hinted = true;
      return `${text} (${name === source ? "the record's type is read from it" : 'it names a type'}; a map's "data" can build the ${payload.type} payload without it: ${mapExample(payload, name)})`;
    })
    .join('; ');
}

/** The payload member a type pointer reads (`type` for `/payload/type` when the payload is `/payload`; `eventType` for `/eventType` when it is the whole record), if it is one. */
function memberOf(typePointer: string | undefined, dataPointer: string | undefined): string | undefined {
  if (typePointer === undefined || dataPointer === undefined || pointerProblem(typePointer) || pointerProblem(dataPointer)) return undefined;
  const type = compilePointer(typePointer).tokens;
  const data = compilePointer(dataPointer).tokens;
  return type.length === data.length + 1 && data.every((t, i) => t === type[i]) ? type[data.length] : undefined;
}

/** `"data": {"BookLent": {"book": "/payload/book", …}}`: the payload's first other member through the payload's pointer. */
function mapExample(payload: RefusedPayload, left: string): string {
  const kept = typeof payload.data === 'object' && payload.data !== null && !Array.isArray(payload.data) ? Object.keys(payload.data).filter((k) => k !== left) : [];
  const pointer = (k: string) => (payload.dataPointer !== undefined ? `${payload.dataPointer}/${pointerToken(k)}` : '<JSON Pointer>');
  const members = kept.length === 0 ? '' : `${JSON.stringify(kept[0])}: ${JSON.stringify(pointer(kept[0]))}${kept.length > 1 ? ', …' : ''}`;
  return `"data": {${JSON.stringify(payload.type)}: {${members}}}`;
}
