/**
 * The `purestream` command line: dispatches to one module per command, each loaded only when
 * asked for (so `--help` and `--version` load nothing heavy). Whatever goes wrong ends in one
 * line on stderr: bad input (exit 1) and usage errors (exit 2) name the place; anything
 * unexpected is an internal error (exit 70, with the stack only under `--debug`).
 */
import { ModuleError } from '../modules/moduleError';
import { EXIT, InputFileError, UsageError, type CliCommand, type CliIO } from './io';
import { printable, printableLines } from './printable';
import { VERSION } from './version';

export const HELP = `purestream — run, compare and inspect pure, event-producing domains

Usage:
  purestream run <scenario.json> [--domain ID|PATH] [--run NAME]... [--json] [--out FILE] [--fail-on-violation]
  purestream compare <scenario.json> [--domain ID|PATH] [--against ID|PATH] [--json]
  purestream export <scenario.json> --run NAME [--domain ID|PATH] [--format events|cloudevents] [--out FILE]
  purestream inspect <log-file> [--domain ID|PATH] [--profile NAME] [--framing auto|lines|array|concat|wrapper] [--map FILE]
                     [--format auto|events|json|cloudevents] [--skip-invalid] [--fail-on anomalies,violations,drift,stale] [--json]
  purestream inspect <source-url> [--from start|end|POSITION|TIME] [--until head|live] [--batch N] [--domain ID|PATH] [--profile NAME]
                     [--map FILE] [--skip-invalid] [--fail-on anomalies,violations,drift,stale] [--checkpoint FILE (with --domain)] [--json]
      postgres://user@host:port/db?store=emmett|marten|message-db  nats://host:port/STREAM  kafka://host:port/TOPIC
  purestream publish <scenario.json> --run NAME --to nats://host:port/STREAM [--json]
  purestream enact --from nats://host:port/STREAM --consumer NAME [--scenario FILE --run NAME | --domain ID|PATH] [--state FILE]
                   [--ack-wait MS] [--stop-after N] [--until head|live] [--json]
  purestream compare-real <scenario.json> --run NAME --real FILE [--consumer NAME] [--json]
  purestream sweep <scenario.json> --run NAME --param PATH=FROM..TO[:STEP] [--seeds A..B] [--domain ID|PATH] [--json]
  purestream domains [PATH] [--json]
  purestream --help
  purestream --version

A domain is a bundled domain's id (commerce, profiles) or a domain module's path (./bank.ts:
a .ts, .mts, .js or .mjs file whose default export is a domain; see README, "Bring your own
rules"). --domain overrides the scenario's; compare --against runs the scenario under a second
version of the rules and prints what changed, command by command, and where the final state
differs.

Any command also takes --debug: an internal error then prints its stack trace.

Exit codes: 0 done, 1 bad input (for inspect also: no event could be read — but a source read
--from a position, the end or a time with nothing new is caught up: 0; for publish also: the
stream did not keep every event of the run), 2 usage error,
3 an invariant was broken (--fail-on-violation) or inspect's --fail-on found what it names
(stale: stale decisions, commands decided on a state another decision changed before their
events were recorded; violations and drift need --domain), said in one stderr line (failing: …),
also when the output's reader went away, 70 internal error (a bug: please report it).
`;

/** Each command's module, imported when the command runs. */
const commands: Record<string, () => Promise<CliCommand>> = {
  run: async () => (await import('./commands/run')).runCommand,
  compare: async () => (await import('./commands/compare')).compareCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  inspect: async () => (await import('./commands/inspect')).inspectCommand,
  sweep: async () => (await import('./commands/sweep')).sweepCommand,
  publish: async () => (await import('./commands/publish')).publishCommand,
  enact: async () => (await import('./commands/enact')).enactCommand,
  'compare-real': async () => (await import('./commands/compareReal')).compareRealCommand,
  domains: async () => (await import('./commands/domains')).domainsCommand,
};

/** Runs the CLI with `argv` (without node and script); returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (name === undefined) {
    // no command is a usage error (exit 2): the usage goes to stderr, so stdout stays empty for a pipe
    io.err(HELP);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.out(`purestream ${VERSION}\n`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    const { didYouMeanText } = await import('../engine/text/didYouMean');
    io.err(`purestream: unknown command "${printable(name, 40)}"${didYouMeanText(name, Object.keys(commands))}\n\n${HELP}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(name));
    return EXIT.ok;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`purestream ${name}: ${printableLines(e.message)}\n`);
      return EXIT.usage;
    }
    if (e instanceof InputFileError || e instanceof ModuleError) {
      io.err(`${printableLines(e.message)}\n`);
      return EXIT.badInput;
    }
    return internalError(e, debug, io);
  }
}

/**
 * `purestream <command> --help`: the command's usage lines from HELP (with their continuation
 * lines), then what every command shares (domains, --debug, exit codes), not the other commands.
 */
export function commandHelp(name: string): string {
  const lines = HELP.split('\n');
  const start = lines.indexOf('Usage:');
  const usage: string[] = [];
  let mine = false;
  for (const line of lines.slice(start + 1)) {
    if (line === '') break;
    if (line.startsWith('  purestream ')) mine = line.startsWith(`  purestream ${name} `);
    if (mine) usage.push(line);
  }
  const shared = lines.slice(lines.indexOf('', start) + 1).join('\n');
  return `Usage:\n${usage.join('\n')}\n\n${shared}\npurestream --help lists every command.\n`;
}

/** Reports an unexpected error in one line (`internal error: …, please report`), the stack under `--debug`; returns 70. */
export function internalError(error: unknown, debug: boolean, io: Pick<CliIO, 'err'>): number {
  const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  io.err(`purestream: internal error: ${printable(message.split('\n')[0])}, please report it${debug ? '' : ' (run again with --debug to see where it happened)'}\n`);
  if (debug && error instanceof Error && error.stack) io.err(`${printableLines(error.stack, 1000)}\n`);
  return EXIT.internal;
}
