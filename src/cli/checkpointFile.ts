/**
 * `inspect <source-url> --domain D --checkpoint FILE` (README, "Checkpoints"): the file a chain of
 * reads of one source resumes from — `purestream/checkpoint@1`: the source as shown (never its
 * password), the domain (a module's files' hash, so a changed module is noticed), the last position
 * read, whether the chain began at the source's start, the streams whose state is unknown, and the
 * domain's state per stream (as the report's `finalState`, with Maps, Sets, Dates and bigints tagged:
 * ../sources/checkpointStates). Read here, checked member by member
 * (a malformed file is bad input, exit 1, naming the file and the JSON path; a checkpoint of
 * another source or domain, or of the module as it was before a change, is refused as a usage
 * error, exit 2); written atomically at the end of a read that ended normally (./writeAtomically).
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseJsonText } from '../engine/jsonText';
import type { CheckpointKept } from '../sources/checkpointRead';
import { stateOf } from '../sources/checkpointStates';
import type { StreamOrder } from '../logs/carriedState';
import { parseStartAt } from '../sources/startAt';
import { parseSourceUrl, type SourceUrl } from '../sources/sourceUrl';
import { sourceIdentity } from '../sources/sourceIdentity';
import { InputFileError, UsageError, type CliIO } from './io';
import { printable } from './printable';
import { writeAtomically } from './writeAtomically';

export const CHECKPOINT_FORMAT = 'purestream/checkpoint@1';

/** The domain a checkpoint's states are of: its id, and for a module its path as typed (for people) and its files' hash (compared). */
export interface CheckpointDomain {
  readonly id: string;
  readonly module?: string;
  readonly sourceHash?: string;
}

/** A checkpoint as read. */
export interface Checkpoint {
  readonly source: string;
  readonly domain: CheckpointDomain;
  readonly position: string;
  readonly fromStart: boolean;
  readonly unknown: readonly string[];
  readonly states: readonly (readonly [string, unknown])[];
  /** Each stream's order where the read ended (an addition to checkpoint@1; absent in a file written before it). */
  readonly order?: readonly (readonly [string, StreamOrder])[];
}

const MEMBERS = ['format', 'source', 'domain', 'position', 'fromStart', 'writtenAt', 'unknown', 'streams', 'states', 'order'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (v: unknown) => printable(JSON.stringify(v) ?? String(v), 80);

/**
 * Reads `file` (relative to the working directory): undefined when it does not exist (its folder
 * must: it is written there at the end); the checkpoint when it is one of `source` with `domain`.
 */
export async function readCheckpoint(file: string, io: CliIO, source: SourceUrl, domain: CheckpointDomain): Promise<Checkpoint | undefined> {
  const place = printable(file);
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const folder = await stat(dirname(path)).catch(() => undefined);
      if (!folder?.isDirectory()) throw new InputFileError(`--checkpoint ${place}: folder ${printable(dirname(file))} does not exist`);
      return undefined;
    }
    throw new InputFileError(`--checkpoint ${place}: cannot read the file: ${code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? (e as Error).message)}`);
  }
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (e) {
    throw new InputFileError(`${place}: not JSON: ${(e as Error).message} (a checkpoint is written by inspect --checkpoint; delete the file to start the chain of reads again)`);
  }
  const checkpoint = checkpointOf(value, source, (path, message) => new InputFileError(`${place}: ${path}: ${message}`));
  if (!sameSource(checkpoint.source, source)) throw new UsageError(`${place}: source: the checkpoint is of ${printable(checkpoint.source)}, not ${printable(source.display)} (name another --checkpoint file for this source)`);
  const was = checkpoint.domain;
  if (was.id !== domain.id) throw new UsageError(`${place}: domain.id: the checkpoint holds the states of domain ${shown(was.id)}, not ${shown(domain.id)} (name another --checkpoint file for this domain)`);
  if (was.sourceHash !== domain.sourceHash) {
    const again = `delete ${place} to read again from the start with it (a read without the file begins at --from, start by default)`;
    if (was.sourceHash !== undefined && domain.sourceHash !== undefined)
      throw new UsageError(`${place}: domain.sourceHash: the module ${printable(domain.module ?? '?')} changed since the checkpoint was written: its states may not be what the domain's evolve makes now; ${again}`);
    const then = was.sourceHash !== undefined ? `the module ${printable(was.module ?? '?')}` : `the bundled domain ${shown(was.id)}`;
    const now = domain.sourceHash !== undefined ? `the module ${printable(domain.module ?? '?')}` : 'the bundled domain';
    throw new UsageError(`${place}: domain.sourceHash: the checkpoint was written with ${then}, not ${now}: name another --checkpoint file, or ${again}`);
  }
  return checkpoint;
}

/** Whether the checkpoint's source (as displayed when it was written) reads what `source` reads, however it connects (../sources/sourceIdentity). */
function sameSource(stored: string, source: SourceUrl): boolean {
  if (stored === source.display) return true;
  try {
    return sourceIdentity(parseSourceUrl(stored)) === sourceIdentity(source);
  } catch {
    return false;
  }
}

/** The checkpoint in `value`, each member checked; `problem(path, message)` is thrown for the first that is wrong. */
function checkpointOf(value: unknown, source: SourceUrl, problem: (path: string, message: string) => Error): Checkpoint {
  if (!isObject(value)) throw problem('$', `expected a JSON object (a ${CHECKPOINT_FORMAT} checkpoint), got ${shown(value)}`);
  if (value.format !== CHECKPOINT_FORMAT) throw problem('format', `expected "${CHECKPOINT_FORMAT}", got ${shown(value.format)}`);
  for (const key of Object.keys(value)) if (!MEMBERS.includes(key)) throw problem(key, `unknown member (expected ${MEMBERS.join(', ')})`);
  if (typeof value.source !== 'string') throw problem('source', `expected the source URL (a string), got ${shown(value.source)}`);
  const d = value.domain;
  if (!isObject(d)) throw problem('domain', `expected an object { id, module?, sourceHash? }, got ${shown(d)}`);
  for (const key of ['id', 'module', 'sourceHash'] as const) {
    if (key === 'id' ? typeof d.id !== 'string' : d[key] !== undefined && typeof d[key] !== 'string') throw problem(`domain.${key}`, `expected a string, got ${shown(d[key])}`);
  }
  if (typeof value.position !== 'string' || value.position === '') throw problem('position', `expected the last position read (a string), got ${shown(value.position)}`);
  const at = parseStartAt(value.position, source);
  if (typeof at === 'string' || at.kind !== 'after') throw problem('position', `${shown(value.position)} is not a position of ${printable(source.display)}${typeof at === 'string' ? ` (${at})` : ''}`);
  if (typeof value.fromStart !== 'boolean') throw problem('fromStart', `expected true or false, got ${shown(value.fromStart)}`);
  if (!Array.isArray(value.unknown)) throw problem('unknown', `expected an array of stream ids, got ${shown(value.unknown)}`);
  value.unknown.forEach((s, i) => {
    if (typeof s !== 'string') throw problem(`unknown[${i}]`, `expected a stream id (a string), got ${shown(s)}`);
  });
  if (!isObject(value.states)) throw problem('states', `expected an object from stream id to state, got ${shown(value.states)}`);
  const domain = { id: d.id as string, ...(typeof d.module === 'string' ? { module: d.module } : {}), ...(typeof d.sourceHash === 'string' ? { sourceHash: d.sourceHash } : {}) };
  const states = Object.entries(value.states).map(([stream, state]) => [stream, stateOf(state, `states[${JSON.stringify(stream)}]`, problem)] as const);
  const order = value.order === undefined ? undefined : orderOf(value.order, problem);
  return { source: value.source, domain, position: value.position, fromStart: value.fromStart, unknown: value.unknown as string[], states, ...(order ? { order } : {}) };
}

/** The checkpoint's `order`: per stream, the previous record's `position`, the `highest` so far and its `time` (`{ ms, fraction, leap? }`). */
function orderOf(value: unknown, problem: (path: string, message: string) => Error): [string, StreamOrder][] {
  if (!isObject(value)) throw problem('order', `expected an object from stream id to { position?, highest?, time? }, got ${shown(value)}`);
  return Object.entries(value).map(([stream, o]) => {
    const at = `order.${shown(stream)}`;
    if (!isObject(o)) throw problem(at, `expected { position?, highest?, time? }, got ${shown(o)}`);
    for (const key of ['position', 'highest'] as const) if (o[key] !== undefined && typeof o[key] !== 'string') throw problem(`${at}.${key}`, `expected a position (a string), got ${shown(o[key])}`);
    const t = o.time;
    if (t !== undefined && (!isObject(t) || typeof t.ms !== 'number' || !Number.isFinite(t.ms) || typeof t.fraction !== 'string' || !/^\d*$/.test(t.fraction) || (t.leap !== undefined && t.leap !== true)))
      throw problem(`${at}.time`, `expected { ms, fraction } (a number and a string of digits), got ${shown(t)}`);
    const time = t as { ms: number; fraction: string; leap?: true } | undefined;
    return [stream, { ...(o.position !== undefined ? { position: o.position as string } : {}), ...(o.highest !== undefined ? { highest: o.highest as string } : {}), ...(time ? { time: { ms: time.ms, fraction: time.fraction, leap: time.leap === true, zoned: true } } : {}) }];
  });
}

/** Writes the checkpoint to `file` atomically: its members, then the states as the read kept them (piece by piece). */
export async function writeCheckpoint(file: string, io: CliIO, c: Omit<Checkpoint, 'unknown' | 'states'>, kept: CheckpointKept): Promise<void> {
  if (kept.unkept !== undefined) throw new InputFileError(`--checkpoint ${printable(file)}: not written: ${printable(kept.unkept)} (a checkpoint keeps JSON, Maps, Sets, Dates and bigints; the file is unchanged)`);
  function* pieces(): Generator<string> {
    const head = { format: CHECKPOINT_FORMAT, source: c.source, domain: c.domain, position: c.position, fromStart: c.fromStart, writtenAt: new Date().toISOString(), unknown: kept.unknown, streams: kept.streams };
    const text = JSON.stringify(head, null, 2);
    yield `${text.slice(0, -2)},\n  "states": {`;
    yield* kept.states;
    yield kept.streams > 0 ? '\n  }' : '}';
    // each stream's order where the read ended: the next read's order checks go on from it
    if (kept.order.length > 0) {
      yield ',\n  "order": {';
      yield* kept.order;
      yield '\n  }';
    }
    yield '\n}\n';
  }
  await writeAtomically(file, pieces(), io, '--checkpoint');
}
