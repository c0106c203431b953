/** Reads and validates a scenario file for a CLI command; bad input becomes an InputFileError naming the file and place. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DomainInfo } from '../../domain/kernel';
import { listedProblems, parseScenario, scenarioErrorsText } from '../engine/scenario/parse';
import type { Scenario } from '../engine/types';
import { didYouMeanText } from '../engine/text/didYouMean';
import { scenarioDomain, type ChosenDomain } from './domainArgument';
import { InputFileError, UsageError, type CliIO } from './io';

/** Most errors listed for one file; the rest are counted. */
const MAX_ERRORS = 50;

/** A scenario with the domain it runs with (a module's host to close when done, when it is a module). */
export interface LoadedScenario {
  readonly scenario: Scenario;
  readonly text: string;
  readonly domain?: ChosenDomain;
}

/**
 * Reads `file` (relative to the working directory), opens its domain module if it names one (or
 * `--domain`'s, `override`), and parses it; throws InputFileError on any problem of the file and
 * ModuleError on the module's. The caller closes `domain.host`.
 */
export async function loadScenario(file: string, io: CliIO, override?: string): Promise<LoadedScenario> {
  const text = await readText(file, io);
  const domain = await scenarioDomain(file, text, override, io);
  try {
    return { scenario: parseScenarioText(text, file, domain?.info), text, ...(domain ? { domain } : {}) };
  } catch (e) {
    await domain?.host?.close();
    throw e;
  }
}

/** Parses a scenario file's text; throws InputFileError listing the problems as `<file>: <path>: <message>`. */
export function parseScenarioText(text: string, file: string, domain?: DomainInfo): Scenario {
  const result = parseScenario(text, file, domain ? { domain } : {});
  if (result.ok) return result.scenario;
  const errors = listedProblems(result.errors);
  const shown = scenarioErrorsText(errors.slice(0, MAX_ERRORS), file);
  const more = errors.length > MAX_ERRORS ? `${file}: … and ${errors.length - MAX_ERRORS} more errors\n` : '';
  throw new InputFileError((shown + more).trimEnd());
}

/** The text of `file`, or an InputFileError saying why it cannot be read. */
export async function readText(file: string, io: CliIO): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new InputFileError(`${file}: cannot read the file: ${why}`);
  }
}

/** Checks `--run` names against the scenario; an unknown name is a usage error listing the runs. */
export function checkRunNames(scenario: Scenario, names: readonly string[], file: string): void {
  const known = scenario.runs.map((r) => r.name);
  for (const name of names)
    if (!known.includes(name)) throw new UsageError(`--run "${name}": ${file} has no run of that name; its runs: ${known.map((n) => `"${n}"`).join(', ')}${didYouMeanText(name, known)}`);
}

/** The one scenario file positional, or a usage error. */
export function scenarioFileOf(positionals: readonly string[], command: string): string {
  if (positionals.length === 0) throw new UsageError(`expected a scenario file: purestream ${command} <scenario.json>`);
  if (positionals.length > 1) throw new UsageError(`expected one scenario file, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0];
}
