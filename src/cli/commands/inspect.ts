/**
 * `purestream inspect <log-file> [--domain ID|PATH] [--format …] [--framing …] [--profile …]
 * [--map FILE] [--type-map FILE] [--skip-invalid] [--fail-on anomalies,violations,drift,stale] [--json]`
 * (cli-and-reports.md, logs.md); a source URL instead of the file reads a live store or stream
 * (sources.md, ./inspectSource.ts), with `--from`, `--until`, `--batch`, `--checkpoint FILE` (with a
 * domain: a chain of reads resumed with the domain's states, ../checkpointFile) and the same `--domain`,
 * `--profile`, `--map`, `--skip-invalid`, `--fail-on` and `--json`. Exit codes: 0 read; 1 bad
 * input (a log with records that cannot be read, unless `--skip-invalid`), or no event read (a
 * source read `--from` a position, the end or a time with nothing new is caught up: 0);
 * 2 usage; 3 `--fail-on` found what it names (`stale`, stale decisions, extends logs.md:
 * ../../logs/staleDecisions).
 */
import { notInspectedAdvice, problemLines } from '../notInspected';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { AnyDomainModule, DomainInfo } from '../../../domain/kernel';
import { counted } from '../../engine/report/counted';
import type { CheckpointDomain } from '../checkpointFile';
import { chooseDomain, type ChosenDomain } from '../domainArgument';
import { inspectOutcome, type InspectOutcome } from '../inspectOutcome';
import { MAX_NOTE, printable } from '../printable';
import { FRAMINGS, type Framing } from '../../logs/inspectLog';
import { nodeSha256 } from '../../logs/node/nodeHasher';
import { inspectLogFile } from '../../logs/node/inspectLogFile';
import { NOT_UTF8 } from '../../logs/framing/utf8Chunks';
import { isExportLine } from '../../logs/json/exportHint';
import { PROFILE_NAMES, readLogMap, type LogMap, type ProfileName } from '../../logs/profiles';
import { LOG_FORMATS, type InspectProgress, type LogFormat } from '../../logs/types';
import { isSourceUrl, notASource } from '../../sources/sourceUrl';
import { EXIT, InputFileError, parseArgs, UsageError, writeOut, type CliCommand, type CliIO } from '../io';
import { parseJsonText } from '../../engine/jsonText';
import { didYouMeanText } from '../../engine/text/didYouMean';
import { cannotFireNotes, checkFailOnDomain, failingVerdict, parseFailOn, withVerdict } from '../failOn';

export const inspectCommand: CliCommand = async (args, io) => {
  const { positionals, flags, options } = parseArgs(args, {
    flags: ['skip-invalid', 'json'],
    options: ['domain', 'format', 'framing', 'profile', 'map', 'type-map', 'fail-on', 'from', 'until', 'batch', 'checkpoint'],
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <log-file> (or source URL)' : `one log file expected, got ${positionals.length}`);
  const file = positionals[0];
  const domainName = options.get('domain')?.[0];
  const format = oneOf('format', options.get('format')?.[0] ?? 'auto', LOG_FORMATS) as LogFormat;
  const framing = oneOf('framing', options.get('framing')?.[0] ?? 'auto', ['auto', ...FRAMINGS]) as Framing | 'auto';
  const profile = options.get('profile') ? (oneOf('profile', options.get('profile')![0], PROFILE_NAMES) as ProfileName) : undefined;
  const failOn = parseFailOn(options.get('fail-on')?.[0]);
  checkFailOnDomain(failOn, domainName !== undefined);
  if (options.has('map') && options.has('type-map')) throw new UsageError('--map and --type-map: give one (a map holds the type renames as "types")');
  const mapFile = options.get('map')?.[0] ?? options.get('type-map')?.[0];
  // http://…, mysql://…: a URL of a kind not read, not a file that is missing
  const notSource = notASource(file);
  if (notSource) throw new InputFileError(`${printable(notSource.display)}: ${notSource.message}`);
  if (isSourceUrl(file)) {
    for (const o of ['format', 'framing']) if (options.has(o)) throw new UsageError(`--${o} is for files: a source's records come one by one`);
    const checkpointFile = options.get('checkpoint')?.[0];
    if (checkpointFile !== undefined && domainName === undefined) throw new UsageError("--checkpoint needs --domain: a checkpoint carries the domain's state per stream");
    const domain = domainName === undefined ? undefined : await chooseDomain(domainName, io);
    try {
      const map = mapFile ? await readMap(mapFile, domain?.info, io.cwd) : undefined;
      const [from, until, batch] = ['from', 'until', 'batch'].map((o) => options.get(o)?.[0]);
      const { inspectSourceUrl } = await import('./inspectSource');
      const checkpoint = checkpointFile !== undefined && domain ? { file: checkpointFile, domain: await checkpointDomain(domain) } : undefined;
      const args = { url: file, decider: domain?.module, host: domain?.host, profile, map, skipInvalid: flags.has('skip-invalid'), json: flags.has('json'), from, until, batch, checkpoint };
      return await inspectSourceUrl({ ...args, failOn }, io);
    } finally {
      await domain?.host?.close();
    }
  }
  for (const o of ['from', 'until', 'batch', 'checkpoint']) if (options.has(o)) throw new UsageError(`--${o} is for source URLs (postgres://, nats://, kafka://), not files`);
  const domain = domainName === undefined ? undefined : await chooseDomain(domainName, io);
  let outcome: InspectOutcome;
  try {
    const map = mapFile ? await readMap(mapFile, domain?.info, io.cwd) : undefined;
    outcome = await inspected(file, domain, { source: basename(file), format, framing, profile, map, skipInvalid: flags.has('skip-invalid'), json: flags.has('json') }, io);
  } finally {
    await domain?.host?.close();
  }
  if (!outcome.ok) {
    // the notes first: one may say why the problems below are there (a log of another domain)
    for (const note of outcome.notes ?? []) io.err(`${printable(file)}: note: ${printable(note, MAX_NOTE)}\n`);
    for (const line of problemLines(outcome.problems, outcome.problemCount, (at) => `${printable(file)}:${at}`)) io.err(line);
    const exported = outcome.problems.every((p) => isExportLine(p.message));
    io.err(`${printable(file)}: the log was not inspected: ${notInspectedAdvice(outcome.problems.map((p) => p.kind), outcome.problemCount, outcome.records, exported)}\n`);
    return EXIT.badInput;
  }
  if (outcome.nothingRead !== undefined) {
    io.err(`0 events read from ${printable(file)}: ${printable(outcome.nothingRead, 400)}\n`);
    return EXIT.badInput;
  }
  const ok = outcome;
  return withVerdict(io, failingVerdict(ok, failOn), async () => {
    await writeOut(io, ok.pieces);
    for (const note of cannotFireNotes(failOn, ok)) io.err(note);
  });
};

/** The domain as a checkpoint names it (../checkpointFile): its id, and a module's path as typed and files' hash. */
async function checkpointDomain(domain: ChosenDomain): Promise<CheckpointDomain> {
  if (!domain.host) return { id: domain.info.id };
  return { id: domain.info.id, module: domain.name, sourceHash: await domain.host.sourceHash() };
}

/** Inspects the file here (a bundled domain, or none) or in the domain module's worker. */
async function inspected(
  file: string,
  domain: ChosenDomain | undefined,
  options: { source: string; format: LogFormat; framing: Framing | 'auto'; profile?: ProfileName; map?: LogMap; skipInvalid: boolean; json: boolean },
  io: CliIO,
): Promise<InspectOutcome> {
  const progress = io.errIsTTY ? progressLine(io, file) : undefined;
  try {
    // read from the command's folder; messages name the file as it was typed
    const path = resolve(io.cwd, file);
    if (domain?.host) return await domain.host.inspect(path, options, progress?.update);
    const { json, ...rest } = options;
    const result = await inspectLogFile(path, { ...rest, domain: domain?.module as AnyDomainModule | undefined, onProgress: progress?.update, hasher: nodeSha256 });
    return inspectOutcome(result, json);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : undefined;
    if (why) throw new InputFileError(`${file}: cannot read the file: ${why}`);
    if (code === NOT_UTF8) throw new InputFileError((e as Error).message);
    throw e;
  } finally {
    progress?.clear();
  }
}

function oneOf(name: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${printable(value, 60)}"${didYouMeanText(value, allowed)}`);
  return value;
}

/** Reads a `--map` (purestream/map@1) or `--type-map` file (a BOM is ignored); problems name the file and the JSON path. */
async function readMap(file: string, decider: DomainInfo | undefined, cwd: string): Promise<LogMap> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new InputFileError(`${file}: cannot read the map (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (e) {
    throw new InputFileError(`${file}: not JSON: ${(e as Error).message}`);
  }
  const read = readLogMap(value, decider);
  if (!read.ok) throw new InputFileError(read.problems.map((p) => `${printable(file)}: ${printable(p)}`).join('\n'));
  return read.map;
}

/** A progress line on stderr, redrawn at most five times a second. */
function progressLine(io: CliIO, file: string) {
  let last = 0;
  let shown = false;
  return {
    update: (p: InspectProgress) => {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      io.err(`\rinspecting ${printable(file, 80)}: ${(p.bytes / 1e6).toFixed(1)} MB, ${counted(p.records, 'record')}`);
    },
    clear: () => {
      if (shown) io.err('\r\x1b[K');
    },
  };
}
