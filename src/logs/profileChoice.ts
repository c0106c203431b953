/**
 * How an inspection (./logInspector) chooses how to read a log from its first records: the
 * records held until there are enough to choose a profile from (DETECTION_SAMPLE objects, or 64
 * times as many records of any kind), what the chosen profile's positions promise (the facts'
 * rules), how many records to size tables for, and a Purestream scenario told apart from a log.
 * Pure.
 */
import type { PositionRules } from './facts/positions';
import { DETECTION_SAMPLE, type CommonField, type JsonObject, type LogMap, type Profile } from './profiles';

/** A record held while the profile is not chosen yet: its text, place, parsed value, or why it is not JSON. */
export interface HeldRecord {
  readonly text: string;
  readonly line: number;
  readonly record: number;
  readonly value: unknown;
  readonly error?: string;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The records read before the profile is chosen, in order. */
export class HeldRecords {
  readonly held: HeldRecord[] = [];
  private objects = 0;

  /** Holds one record; true once enough are held to choose the profile. */
  hold(r: HeldRecord): boolean {
    this.held.push(r);
    if (r.error === undefined && isObject(r.value)) this.objects++;
    return this.objects >= DETECTION_SAMPLE || this.held.length >= 64 * DETECTION_SAMPLE;
  }

  /** The JSON objects among the records held, in order: what the profile is chosen from. */
  objectsHeld(): JsonObject[] {
    return this.held.filter((p) => p.error === undefined && isObject(p.value)).map((p) => p.value as JsonObject);
  }
}

/** What a profile's positions promise: dense revisions (a missing one is a gap), what its global position is called, times without a zone being UTC. */
export function positionRules(profile: Profile): PositionRules {
  return {
    denseStream: profile.dense?.stream === true,
    denseGlobal: profile.dense?.global === true,
    globalName: profile.name === 'purestream' ? 'seq' : profile.name === 'cloudevents' ? 'sequence' : profile.name === 'kafka' ? 'offset' : 'global position',
    utcWithoutZone: profile.utcWithoutZone === true,
  };
}

/** Whether the map leaves `field` to the profile, or names one of the profile's own pointers for it (restating what the profile reads). */
function profileReads(profile: Profile, map: LogMap, field: CommonField): boolean {
  const given = map.fields[field];
  return given === undefined || (given !== null && (profile.fields[field] ?? []).includes(given));
}

/**
 * A stream's first revision the read counts on (../streamStarts: a stream whose first event read
 * is past it began before the read), or undefined when the log has none by contract: the map's
 * `dense` when it gives one; else the profile's (logs.md's dense revisions: Marten and Emmett from
 * 1, KurrentDB, Message DB and Axon from 0) where the revisions are still the profile's — the map
 * names no stream position, or restates one of the profile's own pointers for it (Axon's
 * `/sequenceNumber`); a map reading it elsewhere promises nothing.
 */
export function firstStreamPosition(profile: Profile, map: LogMap): string | undefined {
  if (map.dense) return map.dense.streamPosition;
  return profileReads(profile, map, 'streamPosition') ? profile.firstStreamPosition : undefined;
}

/** Records a log of `size` characters may hold, for sizing tables: records of 100 characters (most logs' are longer), at most 8M. */
export const expectedRecords = (size: number | undefined): number | undefined => (size === undefined ? undefined : Math.min(8 << 20, Math.ceil(size / 100)));

/** What a Purestream scenario read as a log is said to be (it would give one odd "event"): nothing of it is read. */
export const SCENARIO_NOTICE = 'this is a Purestream scenario, not an event log: open it from the Start view, or run it with `purestream run`';

/** Whether the first object of a file is a Purestream scenario. */
export const isScenario = (first: JsonObject): boolean => Array.isArray(first.commands) && Array.isArray(first.runs) && first.domain !== undefined;
