/**
 * `purestream inspect URL [--from start|end|POSITION|TIME] [--until head|live] [--batch N] …`
 * (sources.md): the inspection of a live store or stream, with every option of `inspect` that
 * is not about files. The last position read goes to stderr (`last position read: P (resume
 * with --from P)`); with `--until live` new anomalies and invariant violations (and positions
 * passed without a record) are printed as they are found until interrupted (Ctrl-C), then the
 * report; a record's place is its position in the source (`seq_id 1169`) as in the report.
 * Progress shows on a terminal, with what was found so far (anomalies, violations, stale
 * decisions). Errors are one line
 * naming the URL, password hidden; a connection lost mid-read ends with the position reached.
 * With a domain module (`--domain ./bank.ts`) the source is read and replayed in the module's
 * worker, by the same readers (../sourceOutcome), and printed here the same way. With `--checkpoint
 * FILE` (../checkpointFile) the read resumes where the file says with the domain's states it carries,
 * and writes it again at the end of a read that ended normally (not on exit 1), before the report.
 */
import type { AnyDomainModule } from '../../../domain/kernel';
import { counted } from '../../engine/report/counted';
import type { ModuleHost } from '../../modules/moduleHost';
import { notInspectedAdvice, problemLines } from '../notInspected';
import { MAX_NOTE, printable } from '../printable';
import { readSourceOutcome } from '../sourceOutcome';
import { nodeSha256 } from '../../logs/node/nodeHasher';
import type { InspectionFound } from '../../logs/logInspector';
import type { LogMap, ProfileName } from '../../logs/profiles';
import type { LiveFinding, SourceProgress } from '../../sources/inspectSource';
import { parseSourceUrl, SourceUrlError, type SourceUrl } from '../../sources/sourceUrl';
import { parseStartAt } from '../../sources/startAt';
import type { ReadOptions, StartAt, Until } from '../../sources/types';
import { EXIT, UsageError, writeOut, type CliIO } from '../io';
import { cannotFireNotes, failingVerdict, withVerdict, type FailKind } from '../failOn';
import { readCheckpoint, writeCheckpoint, type Checkpoint, type CheckpointDomain } from '../checkpointFile';
import { sourceReadEnd } from '../sourceReadEnd';
import type { CheckpointRead } from '../../sources/checkpointRead';

/** What `inspect` hands over for a URL. */
export interface SourceInspectArgs {
  readonly url: string;
  /** A bundled domain, replayed in this thread. */
  readonly decider?: AnyDomainModule;
  /** A domain module's worker: the source is read and replayed there. */
  readonly host?: ModuleHost;
  readonly profile?: ProfileName;
  readonly map?: LogMap;
  readonly skipInvalid: boolean;
  readonly json: boolean;
  readonly from?: string;
  readonly until?: string;
  readonly batch?: string;
  /** What `--fail-on` names. */
  readonly failOn: readonly FailKind[];
  /** `--checkpoint FILE` (../checkpointFile), with the domain as the file names it. */
  readonly checkpoint?: { readonly file: string; readonly domain: CheckpointDomain };
}

/** The source a URL names; a URL Purestream cannot use is a usage error naming it (password hidden). */
export function sourceOf(url: string): SourceUrl {
  try {
    return parseSourceUrl(url);
  } catch (e) {
    if (e instanceof SourceUrlError) throw new UsageError(`${e.display}: ${e.message}`);
    throw e;
  }
}

/** Runs `inspect` on a source URL; returns the exit code. */
export async function inspectSourceUrl(a: SourceInspectArgs, io: CliIO): Promise<number> {
  const source = sourceOf(a.url);
  const saved = a.checkpoint ? await readCheckpoint(a.checkpoint.file, io, source, a.checkpoint.domain) : undefined;
  if (saved && a.from !== undefined)
    throw new UsageError(`--from ${printable(a.from, 40)} with --checkpoint ${printable(a.checkpoint!.file)}: the checkpoint says where the read resumes (after position ${saved.position}); delete the file to read from elsewhere`);
  const from = saved ? ({ kind: 'after', position: saved.position } as const) : parseStartAt(a.from, source);
  if (typeof from === 'string') throw new UsageError(from);
  const checkpoint = a.checkpoint ? checkpointRead(a.checkpoint.file, saved, from.kind === 'start') : undefined;
  const until = (a.until ?? 'head') as Until;
  if (until !== 'head' && until !== 'live') throw new UsageError(`--until must be head or live, got "${printable(a.until!, 40)}"`);
  const batch = a.batch === undefined ? 1000 : Number(a.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 100_000) throw new UsageError(`--batch must be a whole number from 1 to 100000, got "${printable(a.batch!, 40)}"`);
  const stop = new AbortController();
  const release = until === 'live' ? io.onInterrupt?.(() => stop.abort()) : undefined;
  const progress = io.errIsTTY ? progressLine(io, source.display, until) : undefined;
  const live = until === 'live' ? liveFindings(io, a.json, progress) : undefined;
  const onProgress = readProgress(io, a.json, until, progress);
  try {
    const read: ReadOptions = { from, until, batch, signal: stop.signal };
    const options = { source: source.display, profile: a.profile, map: a.map, skipInvalid: a.skipInvalid, onProgress, onFinding: live, ...(checkpoint ? { checkpoint } : {}) };
    const got = a.host ? await a.host.inspectSource(source, read, options, a.json) : await readSourceOutcome(source, read, { ...options, domain: a.decider, hasher: nodeSha256 }, a.json);
    progress?.clear();
    if (!got.ok) {
      io.err(`${got.refused.display}: ${got.refused.message}\n`);
      return EXIT.badInput;
    }
    // a read from a position, the end or a time with nothing new is caught up (exit 0), unless the position is past the source's last one or the stream named is not there
    const caughtUp = got.records === 0 && from.kind !== 'start' && got.absent === undefined && pastEnd(from, got.lastAtStart, source) === undefined;
    // a `--from` position with nothing after it was asked for, not read: reported as read only when the read is caught up there
    const unread = got.records === 0 && from.kind === 'after' && (got.position ?? from.position) === from.position && !caughtUp;
    // a tail from the end stopped before its first (empty) batch still knows where the end was: the same line as after it
    const position = got.position ?? (from.kind === 'end' ? got.lastAtStart : from.kind === 'after' ? from.position : undefined);
    const resume = resumeLine(unread ? undefined : position, from);
    if (got.lost) {
      io.err(`${got.lost.display}: ${got.lost.message}, after ${counted(got.records, 'record')}${got.position !== undefined && !unread ? `; last position read: ${got.position} (resume with --from ${got.position})` : ''}\n`);
      return EXIT.badInput;
    }
    const outcome = got.outcome;
    if (!outcome.ok) {
      // the notes first: one may say why the problems below are there (a log of another domain)
      for (const note of outcome.notes ?? []) io.err(`${source.display}: note: ${printable(note, MAX_NOTE)}\n`);
      for (const line of problemLines(outcome.problems, outcome.problemCount, (at) => `${source.display}: record ${at}`, 'record')) io.err(line);
      io.err(`${source.display}: the source was not inspected: ${notInspectedAdvice(outcome.problems.map((p) => p.kind), outcome.problemCount, outcome.records)}\n${resume}`);
      return EXIT.badInput;
    }
    const end = sourceReadEnd({
      display: source.display,
      started: startText(from),
      records: got.records,
      position,
      resume,
      json: a.json,
      tailEnded: until === 'live' && stop.signal.aborted,
      nothingRead: outcome.nothingRead,
      caughtUp,
      absent: got.absent,
      nothingAfter: nothingAfter(from, got.lastAtStart, source),
      ...(a.checkpoint ? { checkpoint: { file: a.checkpoint.file, resumedAfter: saved?.position, kept: got.checkpoint !== undefined } } : {}),
      failing: failingVerdict(outcome, a.failOn),
      cannotFire: cannotFireNotes(a.failOn, outcome, 'the source'),
    });
    // the checkpoint, written before the report is printed (a write that fails is bad input, and nothing is printed of the report)
    if (end.checkpoint === 'write') await writeCheckpoint(a.checkpoint!.file, io, { source: source.display, domain: a.checkpoint!.domain, position: position!, fromStart: checkpoint!.fromStart }, got.checkpoint!);
    if (end.stdout === 'nothing') {
      io.err(end.stderr);
      return end.exit;
    }
    const stdout = end.stdout;
    await withVerdict(io, end.failing, async () => {
      if (stdout === 'report') await writeOut(io, outcome.pieces);
      else io.out(stdout.line);
      io.err(end.stderr);
    });
    return end.exit;
  } finally {
    progress?.clear();
    release?.();
  }
}

/** What the read of a chain keeping a checkpoint is given (../../sources/checkpointRead): the file's states when it exists, else where the chain begins. */
function checkpointRead(file: string, saved: Checkpoint | undefined, fromStart: boolean): CheckpointRead {
  if (!saved) return { file, fromStart };
  return { file, fromStart: saved.fromStart, resumed: { position: saved.position, carried: { states: saved.states, unknown: saved.unknown, fromStart: saved.fromStart, ...(saved.order ? { order: saved.order } : {}) } } };
}

/**
 * The line every read ends with: the last position read (or, before any record, where the read
 * started) to resume `--from`; without one, where to resume from instead.
 */
export function resumeLine(position: string | undefined, from: StartAt): string {
  if (position !== undefined) return `last position read: ${position} (resume with --from ${position})\n`;
  if (from.kind === 'after') return `no position read (resume with --from ${from.position}, the position asked for)\n`;
  // `end` gives no position only where there was nothing yet (an empty store): all that came since is new
  const again = from.kind === 'time' ? from.time : 'start';
  return `nothing read after ${startText(from)} (resume with --from ${again})\n`;
}

const CONTAINER: Readonly<Record<SourceUrl['kind'], string>> = { nats: 'stream', kafka: 'topic', postgres: 'store' };

/** Why a read gave no record: none at all, or a `--from` position past the source's last one (a read caught up is not asked). */
function nothingAfter(from: StartAt, lastAtStart: string | undefined, source: SourceUrl): string {
  if (from.kind === 'start') return 'no records';
  const last = pastEnd(from, lastAtStart, source);
  if (last === undefined) return `nothing after ${startText(from)}`;
  return `nothing after position ${(from as { position: string }).position} (the ${CONTAINER[source.kind]}'s last position is ${last})`;
}

/**
 * The source's last position when `--from` names one past it, else undefined: known where the
 * reader knows its last position (JetStream's last sequence, a PostgreSQL store's highest
 * position — Emmett's `TRANSACTION:GLOBAL_POSITION` compared by its global position), not Kafka.
 */
function pastEnd(from: StartAt, lastAtStart: string | undefined, source: SourceUrl): string | undefined {
  if (from.kind !== 'after' || lastAtStart === undefined) return undefined;
  const asked = source.kind === 'postgres' ? from.position.slice(from.position.indexOf(':') + 1) : from.position;
  if (!/^\d+$/.test(lastAtStart) || !/^\d+$/.test(asked)) return undefined;
  return BigInt(asked) > BigInt(lastAtStart) ? lastAtStart : undefined;
}

/** Where a read started, in words. */
function startText(from: StartAt): string {
  switch (from.kind) {
    case 'start':
      return 'the start';
    case 'end':
      return 'the end (--from end)';
    case 'after':
      return `position ${from.position}`;
    case 'time':
      return from.time;
  }
}

/**
 * Prints each anomaly and invariant violation as it is found (stdout, or stderr under --json so the
 * report stays alone on stdout), its place worded as the final report words it (`seq_id 1169`).
 */
function liveFindings(io: CliIO, json: boolean, progress: ReturnType<typeof progressLine> | undefined) {
  const print = json ? io.err : io.out;
  return (f: LiveFinding) => {
    progress?.clear();
    if (f.kind === 'note') {
      io.err(`note: ${printable(f.note, MAX_NOTE)}\n`);
      return;
    }
    if (f.kind === 'violation') {
      const v = f.violation;
      print(`violation: ${f.place}  ${printable(v.stream, 60)}  ${v.invariant}  ${printable(v.message)}\n`);
      return;
    }
    const a = f.anomaly;
    print(`anomaly: ${f.place}  ${a.kind}${a.stream !== undefined ? `  stream ${printable(a.stream, 60)}` : ''}  ${printable(a.message)}\n`);
  };
}

/**
 * What a read's progress prints: the progress line on a terminal; elsewhere a wait at a missing
 * position once (`waiting for position 1169: …`, on stderr); with `--until live` each run of
 * positions passed without a record as it is passed (stdout, or stderr under --json), as the
 * final report lists them.
 */
function readProgress(io: CliIO, json: boolean, until: Until, progress: ReturnType<typeof progressLine> | undefined) {
  let said = '';
  return (p: SourceProgress) => {
    progress?.update(p);
    const waitingFor = p.waiting?.replace(/ \(since \d+ s\)$/, '');
    if (!progress && waitingFor !== undefined && waitingFor !== said) io.err(`${printable(waitingFor)}\n`);
    said = waitingFor ?? said;
    if (until !== 'live') return;
    for (const s of p.skipped ?? []) {
      progress?.clear();
      (json ? io.err : io.out)(`skipped: ${printable(s.message)}\n`);
    }
  };
}

/** A progress line on stderr, redrawn at most five times a second. */
function progressLine(io: CliIO, display: string, until: Until) {
  let last = 0;
  let shown = false;
  return {
    update: (p: SourceProgress) => {
      const now = Date.now();
      if (now - last < 200 && !p.caughtUp && p.waiting === undefined) return;
      last = now;
      shown = true;
      const state = p.waiting !== undefined ? `, ${p.waiting}` : p.caughtUp && until === 'live' ? ', up to date: waiting for more (Ctrl-C ends)' : '';
      io.err(`\r\x1b[Kreading ${printable(display, 80)}: ${counted(p.records, 'record')}${p.position !== undefined ? `, position ${p.position}` : ''}${foundText(p.found)}${state}`);
    },
    clear: () => {
      if (shown) io.err('\r\x1b[K');
      shown = false;
    },
  };
}

/**
 * What a read found so far, for its progress line: ` (found 2 anomalies, 1 invariant violation,
 * 5 stale decisions)`, those found only; nothing while none is (the line stays short).
 */
export function foundText(found: InspectionFound): string {
  const parts = [
    found.anomalies > 0 ? counted(found.anomalies, 'anomaly', 'anomalies') : '',
    (found.violations ?? 0) > 0 ? counted(found.violations!, 'invariant violation') : '',
    (found.staleDecisions ?? 0) > 0 ? counted(found.staleDecisions!, 'stale decision') : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? ` (found ${parts.join(', ')})` : '';
}
