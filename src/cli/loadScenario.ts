/** Reads and validates a scenario file for a CLI command; bad input becomes an InputFileError naming the file and place. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseScenario, scenarioErrorsText } from '../engine/scenario/parse';
import type { Scenario } from '../engine/types';
import { InputFileError, UsageError, type CliIO } from './io';

/** Most errors listed for one file; the rest are counted. */
const MAX_ERRORS = 50;

/** Reads `file` (relative to the working directory) and parses it; throws InputFileError on any problem. */
export async function loadScenario(file: string, io: CliIO): Promise<Scenario> {
  return parseScenarioText(await readText(file, io), file);
}

/** Parses a scenario file's text; throws InputFileError listing the problems as `<file>: <path>: <message>`. */
export function parseScenarioText(text: string, file: string): Scenario {
  const result = parseScenario(text, file);
  if (result.ok) return result.scenario;
  const shown = scenarioErrorsText(result.errors.slice(0, MAX_ERRORS), file);
  const more = result.errors.length > MAX_ERRORS ? `${file}: … and ${result.errors.length - MAX_ERRORS} more errors\n` : '';
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
    if (!known.includes(name)) throw new UsageError(`--run "${name}": ${file} has no run of that name; its runs: ${known.map((n) => `"${n}"`).join(', ')}`);
}

/** The one scenario file positional, or a usage error. */
export function scenarioFileOf(positionals: readonly string[], command: string): string {
  if (positionals.length === 0) throw new UsageError(`expected a scenario file: purestream ${command} <scenario.json>`);
  if (positionals.length > 1) throw new UsageError(`expected one scenario file, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0];
}
