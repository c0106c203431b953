/**
 * `purestream inspect <log-file> [--domain ID] [--format …] [--framing …] [--profile …]
 * [--map FILE] [--type-map FILE] [--skip-invalid] [--fail-on anomalies,violations,drift] [--json]`
 * (cli-and-reports.md, logs.md); a source URL instead of the file reads a live store or stream
 * (sources.md, ./inspectSource.ts). Exit codes: 0 read; 1 bad input, or no event read; 2 usage;
 * 3 `--fail-on` found what it names.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { domainById, domains } from '../../../domain';
import type { AnyDecider } from '../../../domain/kernel';
import { formatInspection } from '../inspectText';
import { printable } from '../printable';
import { FRAMINGS, inspectLog, type Framing } from '../../logs/inspectLog';
import { nodeSha256 } from '../../logs/node/nodeHasher';
import { logFileChunks } from '../../logs/node/threadedFileChunks';
import { whyNothingRead } from '../../logs/nothingRead';
import { PROFILE_NAMES, readLogMap, type LogMap, type ProfileName } from '../../logs/profiles';
import { reportJsonChunks } from '../../logs/reportJson';
import { LOG_FORMATS, type InspectionReport, type InspectProgress, type LogFormat } from '../../logs/types';
import { isSourceUrl } from '../../sources/sourceUrl';
import { EXIT, InputFileError, parseArgs, UsageError, type CliCommand, type CliIO } from '../io';
import { inspectSourceUrl } from './inspectSource';

const FAIL_ON = ['anomalies', 'violations', 'drift'] as const;

export const inspectCommand: CliCommand = async (args, io) => {
  const { positionals, flags, options } = parseArgs(args, {
    flags: ['skip-invalid', 'json'],
    options: ['domain', 'format', 'framing', 'profile', 'map', 'type-map', 'fail-on', 'from', 'until', 'batch'],
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <log-file> (or source URL)' : `one log file expected, got ${positionals.length}`);
  const file = positionals[0];
  const decider = deciderOf(options.get('domain')?.[0]);
  const format = oneOf('format', options.get('format')?.[0] ?? 'auto', LOG_FORMATS) as LogFormat;
  const framing = oneOf('framing', options.get('framing')?.[0] ?? 'auto', ['auto', ...FRAMINGS]) as Framing | 'auto';
  const profile = options.get('profile') ? (oneOf('profile', options.get('profile')![0], PROFILE_NAMES) as ProfileName) : undefined;
  const failOn = (options.get('fail-on')?.[0] ?? '').split(',').filter(Boolean);
  for (const f of failOn) if (!(FAIL_ON as readonly string[]).includes(f)) throw new UsageError(`--fail-on takes ${FAIL_ON.join(', ')} (comma-separated), got "${f}"`);
  if (options.has('map') && options.has('type-map')) throw new UsageError('--map and --type-map: give one (a map holds the type renames as "types")');
  const mapFile = options.get('map')?.[0] ?? options.get('type-map')?.[0];
  const map = mapFile ? await readMap(mapFile, decider) : undefined;
  if (isSourceUrl(file)) {
    for (const o of ['format', 'framing']) if (options.has(o)) throw new UsageError(`--${o} is for files: a source's records come one by one`);
    const [from, until, batch] = ['from', 'until', 'batch'].map((o) => options.get(o)?.[0]);
    return inspectSourceUrl({ url: file, decider, profile, map, skipInvalid: flags.has('skip-invalid'), json: flags.has('json'), from, until, batch, failed: (r) => failed(r, failOn) }, io);
  }
  for (const o of ['from', 'until', 'batch']) if (options.has(o)) throw new UsageError(`--${o} is for source URLs (postgres://, nats://, kafka://), not files`);
  const progress = io.errIsTTY ? progressLine(io, file) : undefined;
  let result;
  try {
    result = await inspectLog(logFileChunks(file), {
      domain: decider,
      source: basename(file),
      format,
      framing,
      profile,
      map,
      skipInvalid: flags.has('skip-invalid'),
      onProgress: progress?.update,
      hasher: nodeSha256,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : undefined;
    if (why) throw new InputFileError(`${file}: cannot read the file: ${why}`);
    throw e;
  } finally {
    progress?.clear();
  }
  if (!result.ok) {
    for (const p of result.problems) io.err(`${printable(file)}:${p.line}: ${p.kind}: ${printable(p.message)}\n`);
    if (result.problemCount > result.problems.length) io.err(`... and ${result.problemCount - result.problems.length} more problems\n`);
    io.err(`${printable(file)}: nothing imported (use --skip-invalid to replay the valid records and report the rest)\n`);
    return EXIT.badInput;
  }
  const report = result.report;
  const nothing = whyNothingRead(report);
  if (nothing !== undefined) {
    io.err(`0 events read from ${printable(file)}: ${printable(nothing, 400)}\n`);
    return EXIT.badInput;
  }
  if (flags.has('json')) {
    // pieces gathered into writes of about a megabyte (a write per stream of a big state is slow)
    let pending = '';
    for (const chunk of reportJsonChunks(report)) {
      pending += chunk;
      if (pending.length >= 1 << 20) {
        io.out(pending);
        pending = '';
      }
    }
    io.out(pending);
  }
  else io.out(formatInspection(report));
  return failed(report, failOn) ? EXIT.violation : EXIT.ok;
};

/** Whether the report holds what `--fail-on` names. */
function failed(report: InspectionReport, failOn: readonly string[]): boolean {
  return (
    (failOn.includes('anomalies') && (report.anomalyCount ?? report.anomalies.length) > 0) ||
    (failOn.includes('violations') && report.violations.length > 0) ||
    (failOn.includes('drift') && report.drift.length > 0)
  );
}

function oneOf(name: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${printable(value, 60)}"`);
  return value;
}

function deciderOf(id: string | undefined): AnyDecider | undefined {
  if (id === undefined) return undefined;
  const decider = domainById(id);
  if (!decider) throw new UsageError(`unknown domain "${printable(id, 60)}" (bundled: ${domains.map((d) => d.id).join(', ')})`);
  return decider;
}

/** Reads a `--map` (purestream/map@1) or `--type-map` file (a BOM is ignored); problems name the file and the JSON path. */
async function readMap(file: string, decider: AnyDecider | undefined): Promise<LogMap> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputFileError(`${file}: cannot read the map (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new InputFileError(`${file}: not JSON: ${(e as Error).message}`);
  }
  const read = readLogMap(value, decider ? new Set(Object.keys(decider.eventSchemas)) : undefined);
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
      io.err(`\rinspecting ${printable(file, 80)}: ${(p.bytes / 1e6).toFixed(1)} MB, ${p.records.toLocaleString('en')} records`);
    },
    clear: () => {
      if (shown) io.err('\r\x1b[K');
    },
  };
}
