/**
 * The `purestream` profile: records of `purestream/events@1` (cli-and-reports.md) — the
 * header, events `{ seq, id, type, at, data, stream?, causationId?, correlationId? }`,
 * commands and rejections. `seq` is the log-wide `globalPosition` (dense: a missing seq is a
 * gap); a numeric `at` is virtual ms, placed after 2026-01-01T00:00:00Z as the CloudEvents
 * export places it. Each malformed field is named in the message. Pure.
 */
import { parseTimeText, type LogTime } from '../json/logTime';
import { VIRTUAL_EPOCH_MS } from '../timestamps';
import type { BatchLevel, BatchRef, LogRecord } from '../types';
import { positionOf, show } from './fieldReader';
import { NEEDS_EXACT, problem, type JsonObject, type Profile, type ReadResult } from './profile';
import { scanEvent } from './purestreamScan';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The time of a purestream `at`: virtual ms after the virtual epoch, or an ISO time; undefined when neither. */
export function purestreamTime(at: unknown): { readonly at: number; readonly time: LogTime } | undefined {
  if (typeof at === 'number') return Number.isFinite(at) ? { at, time: { ms: VIRTUAL_EPOCH_MS + at, fraction: '', leap: false, zoned: true } } : undefined;
  if (typeof at !== 'string') return undefined;
  const time = parseTimeText(at);
  return time ? { at: time.ms, time } : undefined;
}

/** A message when `value` is not a non-empty string. */
export const badString = (name: string, value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? undefined : `${name}: expected a non-empty string, got ${value === undefined ? 'nothing' : show(value)}`;

const badOptional = (v: JsonObject, ...names: string[]): string | undefined => {
  for (const n of names) if (v[n] !== undefined && typeof v[n] !== 'string') return `${n}: expected a string, got ${show(v[n])}`;
  return undefined;
};

const badAt = (v: unknown) => `at: expected ms or an ISO-8601 time, got ${show(v)}`;

const isLevel = (b: unknown): b is BatchLevel => isObject(b) && typeof b.id === 'string' && (b.mode === 'all-or-nothing' || b.mode === 'allow-partial');

/** Reads a command's `batch`: the batch levels from the root, as an array (or one level as an object). */
export const readBatch = (b: unknown): BatchRef | string | undefined => {
  if (b === undefined) return undefined;
  const levels = Array.isArray(b) ? b : [b];
  if (levels.length === 0 || !levels.every(isLevel)) return `batch: expected [{ "id": string, "mode": "all-or-nothing" | "allow-partial" }...], got ${show(b)}`;
  return levels.map((l) => ({ id: l.id, mode: l.mode }));
};

function readEvent(v: JsonObject): ReadResult | typeof NEEDS_EXACT {
  const seq = positionOf(v.seq, { holder: v, key: 'seq' });
  if (seq === NEEDS_EXACT) return NEEDS_EXACT;
  if (seq === undefined || typeof v.seq !== 'number' || !/^\d+$/.test(seq)) return problem('malformed', `seq: expected an integer >= 0, got ${show(v.seq)}`);
  const when = purestreamTime(v.at);
  const bad = badString('id', v.id) ?? badString('type', v.type) ?? (when === undefined ? badAt(v.at) : undefined) ?? badOptional(v, 'stream', 'causationId', 'correlationId');
  if (bad) return problem('malformed', bad);
  return {
    kind: 'event',
    id: v.id as string,
    type: v.type as string,
    stream: v.stream as string | undefined,
    globalPosition: seq,
    time: when!.time,
    data: v.data,
    causationId: v.causationId as string | undefined,
    correlationId: v.correlationId as string | undefined,
  };
}

function readCommand(v: JsonObject): ReadResult {
  const when = purestreamTime(v.at);
  const batch = readBatch(v.batch);
  const bad = badString('id', v.id) ?? badString('type', v.type) ?? (when === undefined ? badAt(v.at) : undefined) ?? badOptional(v, 'actor') ?? (typeof batch === 'string' ? batch : undefined);
  if (bad) return problem('malformed', bad);
  return {
    kind: 'command',
    id: v.id as string,
    type: v.type as string,
    at: when!.at,
    time: when!.time,
    data: v.data,
    ...(v.actor !== undefined ? { actor: v.actor as string } : {}),
    ...(batch ? { batch: batch as BatchRef } : {}),
    ...(v.authorize === true ? { authorize: true } : {}),
  };
}

function readRejection(v: JsonObject): ReadResult {
  const when = purestreamTime(v.at);
  const bad = badString('commandId', v.commandId) ?? badString('code', v.code) ?? (when === undefined ? badAt(v.at) : undefined);
  if (bad) return problem('malformed', bad);
  return { kind: 'rejection', commandId: v.commandId as string, code: v.code as string, time: when!.time };
}

function readHeader(v: JsonObject): ReadResult {
  if (v.format !== 'purestream/events@1') return problem('malformed', `format: expected "purestream/events@1", got ${show(v.format)}`);
  const bad = badOptional(v, 'domain') ?? (v.authorize !== undefined && typeof v.authorize !== 'boolean' ? `authorize: expected true or false, got ${show(v.authorize)}` : undefined);
  if (bad) return problem('malformed', bad);
  const header: LogRecord = { kind: 'header', ...(v.domain !== undefined ? { domain: v.domain as string } : {}), ...(v.authorize !== undefined ? { authorize: v.authorize as boolean } : {}) };
  return header;
}

/** The purestream profile. */
export const purestreamProfile: Profile = {
  name: 'purestream',
  detect: (r) => (r.format === 'purestream/events@1' || r.kind === 'command' || r.kind === 'rejection' ? 1 : r.seq !== undefined && r.type !== undefined && r.at !== undefined ? 0.9 : 0),
  fields: { id: ['/id'], type: ['/type'], stream: ['/stream'], globalPosition: ['/seq'], time: ['/at'], data: ['/data'], causationId: ['/causationId'], correlationId: ['/correlationId'] },
  dense: { global: true },
  scan: scanEvent,
  framedScan: true,
  read(v) {
    if (v.seq !== undefined) return readEvent(v);
    if (v.kind === 'command') return readCommand(v);
    if (v.kind === 'rejection') return readRejection(v);
    if (v.kind !== undefined) return problem('malformed', `kind: expected "command" or "rejection", got ${show(v.kind)}`);
    if (v.format !== undefined) return readHeader(v);
    return problem('malformed', 'not a log record: expected "seq" (an event), "kind" (a command or rejection) or "format" (the header)');
  },
};
