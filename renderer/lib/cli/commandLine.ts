/**
 * The `purestream …` command line a view says it stands for ("Same as `purestream run …`"), with
 * paths that work where it says it is run: a scenario or log the checkout ships, unchanged, by its
 * path from the checkout's folder (`samples/scenarios/flash-sale.json`); any other file by its name,
 * run in that file's folder (the app never learns a file's path: src/main/fileGrants.ts). Arguments
 * follow the CLI's usage (src/cli/main.ts HELP) and are quoted for a POSIX shell. Pure.
 */
import { isModuleFileName } from '../../../src/engine/module/moduleFile';
import { hasControls } from '../../../src/engine/text/controlChars';
import { BLOCKING_ANOMALIES, type Anomaly } from '../../../src/logs/types';
import { withoutHiddenSecrets } from '../../../src/sources/sourceUrl';

/** A file the checkout ships: its path from the checkout's folder, and its value as bundled. */
export interface ShippedScenario {
  readonly path: string;
  readonly value: unknown;
}

/** A scenario argument and the folder the command is run in. */
export interface ScenarioArgument {
  /** The scenario argument, quoted when the shell would split it. */
  readonly file: string;
  /**
   * `checkout`: a Purestream checkout's folder; `scenario`: the scenario file's folder;
   * `download`: the folder of the file Download scenario wrote (named so, as it may share its
   * name with a sample the checkout ships).
   */
  readonly from: 'checkout' | 'scenario' | 'download';
}

/** A command as shown: the command itself (what is copied), what it needs first, if anything, and where to run it, in words. */
export interface CommandLine {
  readonly command: string;
  /**
   * Said right after the command when it gives the view's results only once something is done:
   * a scenario of the user's with edits its file does not hold yet ({@link EDITS_PENDING}).
   */
  readonly pending?: string;
  readonly where: string;
}

/** What a command naming the scenario's file needs while the scenario has edits the file does not hold: they are written to it first. */
export const EDITS_PENDING = 'with your edits, once saved to that file (Download scenario)';

/**
 * The sentence a view says for a command line, as plain text (a tooltip, an exported page):
 * "Same as COMMAND[ PENDING], WHERE". The views set the command in code, the rest as is.
 */
export const sameAsText = (line: CommandLine): string => `Same as ${line.command}${line.pending ? ` ${line.pending}` : ''}, ${line.where}`;

/**
 * An argument as a POSIX shell reads it back unchanged: as it is when plain (letters, digits,
 * `_ . / @ : + , = -`); in double quotes when nothing inside would be expanded (`"8 workers"`);
 * with a control or bidirectional character (a newline, ESC, U+202E: src/engine/text/controlChars)
 * in `$'…'` quotes, each such character escaped (see {@link ansiCQuoted}), so the line shows and
 * copies as plain text that gives the shell the same bytes; else in single quotes, a `'` written `'\''`.
 */
export function shellWord(word: string): string {
  if (/^[\w./@:+,=-]+$/.test(word)) return word;
  if (hasControls(word)) return ansiCQuoted(word);
  if (!/[$`\\"!\n\r]/.test(word) && !/[^\x20-\x7e]/.test(word)) return `"${word}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * `word` in ANSI-C quotes, `$'…'` (POSIX.1-2024; bash, zsh, ksh): `\` and `'`
 * backslashed, a newline, tab and carriage return as `\n`, `\t`, `\r`, every other control and
 * bidirectional character as the octal escapes of its UTF-8 bytes (ESC `\033`, U+202E
 * `\342\200\256`: three digits each, so no digit after one is read into it); the rest as it is.
 */
const utf8 = new TextEncoder();

function ansiCQuoted(word: string): string {
  const named: Readonly<Record<string, string>> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\\': '\\\\', "'": "\\'" };
  let out = '';
  for (const c of word) {
    if (named[c] !== undefined) out += named[c];
    else if (hasControls(c)) for (const byte of utf8.encode(c)) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += c;
  }
  return `$'${out}'`;
}

const WHERE = { checkout: "run in a Purestream checkout's folder", scenario: "run in the scenario file's folder" } as const;

/** Where a scenario command is run, in words. */
const whereOf = (scenario: ScenarioArgument): string => (scenario.from === 'download' ? `run in the folder of the downloaded ${scenario.file}` : WHERE[scenario.from]);

/**
 * Where a command finds the open scenario (`raw`, opened as `fileName`): a shipped one, unchanged
 * (the bundled value itself, or an equal one under the shipped file's name), by its path; else by
 * its name — in the downloaded file's folder when `downloaded` (`fileName` is the file Download
 * scenario wrote).
 */
export function scenarioArgument(fileName: string, raw: unknown, shipped: readonly ShippedScenario[], downloaded = false): ScenarioArgument {
  const name = baseName(fileName);
  const same = shipped.find((s) => s.value === raw) ?? shipped.find((s) => s.path.endsWith(`/${name}`) && JSON.stringify(s.value) === JSON.stringify(raw));
  return same ? { file: shellWord(same.path), from: 'checkout' } : { file: shellWord(name), from: downloaded ? 'download' : 'scenario' };
}

/**
 * A scenario command as shown: where it is run, in words, and — for a scenario of the user's
 * with edits its file does not hold (`notInFile`) — that it is the edited scenario, once saved
 * to that file. The one place the run, compare and sweep lines say it.
 */
function scenarioCommand(command: string, scenario: ScenarioArgument, notInFile: boolean): CommandLine {
  const pending = scenario.from !== 'checkout' && notInFile;
  return { command, ...(pending ? { pending: EDITS_PENDING } : {}), where: whereOf(scenario) };
}

/** `purestream run FILE [--run NAME]...`: every run of the scenario, or the named ones (`--run` repeats); `notInFile`: the scenario has edits its file does not hold. */
export function runCommandLine(scenario: ScenarioArgument, runs: readonly string[] = [], notInFile = false): CommandLine {
  const named = runs.map((r) => ` --run ${shellWord(r)}`).join('');
  return scenarioCommand(`purestream run ${scenario.file}${named}`, scenario, notInFile);
}

/** `purestream compare FILE`: every run side by side (the CLI takes no subset of runs). */
export function compareCommandLine(scenario: ScenarioArgument, notInFile = false): CommandLine {
  return scenarioCommand(`purestream compare ${scenario.file}`, scenario, notInFile);
}

/** `purestream sweep FILE ARGS --json`, ARGS as {@link sweepCliArgs} wrote them. */
export function sweepCommandLine(scenario: ScenarioArgument, args: string, notInFile = false): CommandLine {
  return scenarioCommand(`purestream sweep ${scenario.file} ${args} --json`, scenario, notInFile);
}

/** Where a log was read from: a log the checkout ships (its path from the checkout), a file of the user's (its name), or a live source (its URL as shown, password hidden as `***`). */
export type LogArgument = { readonly kind: 'shipped'; readonly path: string } | { readonly kind: 'file'; readonly name: string } | { readonly kind: 'url'; readonly display: string; readonly from?: string; readonly until?: 'head' | 'live' };

/** The argument for the log named `name`: the live source it was read from (`read`: its request), else the path of the log the checkout ships (`shipped`), else the file's name. */
export function logArgumentOf(name: string, read?: { readonly from?: string; readonly until: 'head' | 'live' }, shipped?: string): LogArgument {
  if (read) return { kind: 'url', display: name, ...(read.from ? { from: read.from } : {}), until: read.until };
  return shipped ? { kind: 'shipped', path: shipped } : { kind: 'file', name };
}

/** How the log is read, as the Logs view's reading bar shows it. */
export interface InspectReading {
  /** A bundled domain's id, or a domain module's file name (`seats.ts`); null or absent for none. */
  readonly domain?: string | null;
  readonly profile?: string;
  readonly framing?: string;
  /** Whether a map (Mapping…) is applied: it is named `map.json`, the name Mapping… → Download map gives it. */
  readonly map?: boolean;
  /** Whether the app's reading skipped records the CLI refuses a log for unless told to skip them ({@link skipsInvalid}). */
  readonly skipInvalid?: boolean;
}

/**
 * Whether a report's log has records that `purestream inspect` refuses it for without
 * `--skip-invalid` — malformed, unmapped, unknown-type, invalid-data (BLOCKING_ANOMALIES;
 * cli-and-reports.md) — which the app skips: one is listed, or the list was cut (`anomalyCount`
 * beyond it), when one may be among those left out.
 */
export function skipsInvalid(report: { readonly anomalies: readonly Pick<Anomaly, 'kind'>[]; readonly anomalyCount?: number }): boolean {
  return report.anomalies.some((a) => BLOCKING_ANOMALIES.has(a.kind)) || (report.anomalyCount ?? 0) > report.anomalies.length;
}

/**
 * `purestream inspect LOG|URL [--domain ID|./MODULE] [--profile NAME] [--framing NAME] [--map map.json] [--skip-invalid]`
 * (src/cli/commands/inspect.ts): a URL loses its hidden password (`user:***@` → `user@`, `password=***`
 * dropped: it is added back by hand) and takes no framing; `auto` is the CLI's default, so not written.
 * `--skip-invalid` when the app skipped records the CLI would refuse the log for, so the line gives the app's report.
 */
export function inspectCommandLine(log: LogArgument, reading: InspectReading): CommandLine {
  const module = reading.domain && isModuleFileName(reading.domain) ? `./${baseName(reading.domain)}` : undefined;
  const args = [log.kind === 'url' ? shellWord(withoutHiddenSecrets(log.display)) : shellWord(log.kind === 'shipped' ? log.path : log.name)];
  if (reading.domain) args.push('--domain', shellWord(module ?? reading.domain));
  if (reading.profile) args.push('--profile', shellWord(reading.profile));
  if (reading.framing && reading.framing !== 'auto' && log.kind !== 'url') args.push('--framing', shellWord(reading.framing));
  if (reading.map) args.push('--map', 'map.json');
  if (log.kind === 'url') {
    if (log.from) args.push('--from', shellWord(log.from));
    if (log.until === 'live') args.push('--until', 'live');
  }
  if (reading.skipInvalid) args.push('--skip-invalid');
  const hidden = log.kind === 'url' && withoutHiddenSecrets(log.display) !== log.display;
  const place = log.kind === 'url' ? (module ? "run in the module's folder" : reading.map ? 'run in a folder' : 'run anywhere') : log.kind === 'shipped' ? WHERE.checkout : "run in the log file's folder";
  const beside = [module && log.kind !== 'url' ? `the module ${baseName(reading.domain!)}` : '', reading.map ? 'map.json (Mapping… → Download map)' : ''].filter(Boolean);
  const extras = [beside.length ? `${beside.join(' and ')} in it` : '', hidden ? 'the password added to the URL' : ''].filter(Boolean);
  return { command: `purestream inspect ${args.join(' ')}`, where: extras.length ? `${place}, with ${extras.join(' and ')}` : place };
}

const baseName = (fileName: string): string => fileName.replace(/^.*[\\/]/, '');
