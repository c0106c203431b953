/** `purestream inspect <log-file> --domain ID [--format ...] [--type-map FILE] [--skip-invalid] [--json]`. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { domainById, domains } from '../../../domain';
import type { AnyDecider } from '../../../domain/kernel';
import { inspectLog } from '../../logs/inspectLog';
import { logFileChunks } from '../../logs/node/threadedFileChunks';
import { nodeSha256 } from '../../logs/node/nodeHasher';
import { LOG_FORMATS, type InspectionReport, type InspectProgress, type LogFormat } from '../../logs/types';
import type { TypeMap } from '../../logs/cloudEventReader';
import { EXIT, InputFileError, parseArgs, UsageError, type CliCommand, type CliIO } from '../io';
import { formatInspection } from '../../logs/formatInspection';

export const inspectCommand: CliCommand = async (args, io) => {
  const { positionals, flags, options } = parseArgs(args, { flags: ['skip-invalid', 'json'], options: ['domain', 'format', 'type-map'] });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <log-file>' : `one log file expected, got ${positionals.length}`);
  const file = positionals[0];
  const decider = deciderOf(options.get('domain')?.[0]);
  const format = (options.get('format')?.[0] ?? 'auto') as LogFormat;
  if (!LOG_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${LOG_FORMATS.join(', ')}, got "${format}"`);
  const typeMapFile = options.get('type-map')?.[0];
  const typeMap = typeMapFile ? await readTypeMap(typeMapFile, decider) : {};
  const progress = io.errIsTTY ? progressLine(io, file) : undefined;
  let result;
  try {
    result = await inspectLog(logFileChunks(file), { decider, source: basename(file), format, typeMap, skipInvalid: flags.has('skip-invalid'), onProgress: progress?.update, hasher: nodeSha256 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : undefined;
    if (why) throw new InputFileError(`${file}: cannot read the file: ${why}`);
    throw e;
  } finally {
    progress?.clear();
  }
  if (!result.ok) {
    for (const p of result.problems) io.err(`${file}:${p.line}: ${p.kind}: ${p.message}\n`);
    if (result.problemCount > result.problems.length) io.err(`... and ${result.problemCount - result.problems.length} more problems\n`);
    io.err(`${file}: nothing imported (use --skip-invalid to replay the valid records and report the rest)\n`);
    return EXIT.badInput;
  }
  io.out(flags.has('json') ? JSON.stringify(result.report, null, 2) + '\n' : formatInspection(result.report as InspectionReport));
  return EXIT.ok;
};

function deciderOf(id: string | undefined): AnyDecider {
  if (id === undefined) throw new UsageError(`--domain is required (one of ${domains.map((d) => d.id).join(', ')})`);
  const decider = domainById(id);
  if (!decider) throw new UsageError(`unknown domain "${id}" (bundled: ${domains.map((d) => d.id).join(', ')})`);
  return decider;
}

/** Reads a `--type-map` file: a JSON object from the producer's type to one of the domain's event types. */
async function readTypeMap(file: string, decider: AnyDecider): Promise<TypeMap> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputFileError(`${file}: cannot read the type map (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputFileError(`${file}: not JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputFileError(`${file}: expected a JSON object from their event type to ours`);
  for (const [theirs, ours] of Object.entries(value)) {
    if (typeof ours !== 'string' || !(ours in decider.eventSchemas))
      throw new InputFileError(`${file}: ${JSON.stringify(theirs)}: ${JSON.stringify(ours)} is not an event type of ${decider.id} (${Object.keys(decider.eventSchemas).join(', ')})`);
  }
  return value as TypeMap;
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
      io.err(`\rinspecting ${file}: ${(p.bytes / 1e6).toFixed(1)} MB, ${p.records.toLocaleString('en')} records`);
    },
    clear: () => {
      if (shown) io.err('\r\x1b[K');
    },
  };
}
