import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { withoutHiddenSecrets } from '../../../../src/sources/sourceUrl';
import { compareCommandLine, EDITS_PENDING, inspectCommandLine, logArgumentOf, runCommandLine, sameAsText, scenarioArgument, shellWord, skipsInvalid, sweepCommandLine, type ShippedScenario } from '../../../../renderer/lib/cli/commandLine';
import initSqlJs from 'sql.js';
import { importRecords } from '../../../../renderer/lib/inspector/importRecords';
import { DatabaseLogs } from '../../../../renderer/lib/inspector/logStore';
import { CallGuard } from '../../../../src/engine/module/callGuard';
import { domainModule } from '../../../../src/engine/module/domainModule';
import { createWorkspace } from '../../../../src/store/workspace';
import credit from '../../../fixtures/modules/credit/credit';
import { main } from '../../../../src/cli/main';

const flash = JSON.parse(readFileSync('samples/scenarios/flash-sale.json', 'utf8')) as Record<string, unknown>;
const SHIPPED: readonly ShippedScenario[] = [{ path: 'samples/scenarios/flash-sale.json', value: flash }];
const shipped = scenarioArgument('flash-sale.json', flash, SHIPPED);

/** A command line split into words as a POSIX shell does (plain, '…', "…" without expansions, and \\x): what the CLI receives. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/(?:[^\s'"\\]+|\\.|'[^']*'|"[^"]*")+/g)) words.push(m[0].replace(/'([^']*)'|"([^"]*)"|\\(.)/g, (_m, s?: string, d?: string, e?: string) => s ?? d ?? e ?? ''));
  return words;
}

/** Runs a shown command line through the CLI in `cwd` (the checkout's folder unless said): its exit code, what it printed and its errors. */
async function cli(command: string, cwd = process.cwd()) {
  let err = '';
  let out = '';
  const [name, ...argv] = shellWords(command);
  expect(name).toBe('purestream');
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), errIsTTY: false, cwd });
  return { code, err, out };
}

describe('shellWord', () => {
  it('leaves a plain word as it is, double-quotes one with spaces, single-quotes one the shell would expand', () => {
    expect(shellWord('samples/scenarios/flash-sale.json')).toBe('samples/scenarios/flash-sale.json');
    expect(shellWord('8 workers')).toBe('"8 workers"');
    expect(shellWord('my class.json')).toBe('"my class.json"');
    expect(shellWord('cost $5')).toBe("'cost $5'");
    expect(shellWord('a `b`')).toBe("'a `b`'");
    expect(shellWord('say "hi"')).toBe(`'say "hi"'`);
    expect(shellWord("it's")).toBe(`"it's"`);
    expect(shellWord("it's $5")).toBe(`'it'\\''s $5'`);
    expect(shellWord('wow!')).toBe("'wow!'");
    expect(shellWord('é')).toBe("'é'");
  });

  it('reads back, split as a shell splits, as the word given', () => {
    for (const w of ['8 workers', 'cost $5', "it's", "it's $5", 'say "hi"', 'a\\b', 'x;y|z&', '*.json']) expect(shellWords(`run ${shellWord(w)}`)).toEqual(['run', w]);
  });
});

describe('shellWord with control characters', () => {
  const hostile = ['bad\nname.jsonl', '\u001b[31mred.jsonl', 'evil\u202eTXE.exe', "tab\there's \\ a\r\u0085", 'caf\u00e9\u2028'];

  it("quotes them in $'…' with every control and bidirectional character escaped: the line is plain, printable text", () => {
    expect(shellWord('bad\nname.jsonl')).toBe("$'bad\\nname.jsonl'");
    expect(shellWord('\u001b[31mred.jsonl')).toBe("$'\\033[31mred.jsonl'");
    expect(shellWord('evil\u202eTXE.exe')).toBe("$'evil\\342\\200\\256TXE.exe'");
    for (const w of hostile) expect(shellWord(w)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });

  it('gives bash the same bytes back', () => {
    for (const w of hostile) {
      const out = spawnSync('bash', ['-c', `printf %s ${shellWord(w)}`]);
      expect(out.status).toBe(0);
      expect(out.stdout.toString('utf8')).toBe(w);
    }
  });

  it('inspect names such a file so, once, in the one place the line is built', () => {
    expect(inspectCommandLine({ kind: 'file', name: '\u001b[31mred.jsonl' }, {}).command).toBe("purestream inspect $'\\033[31mred.jsonl'");
  });
});

describe('scenarioArgument', () => {
  it('names a shipped sample, unchanged, by its path from the checkout (the value itself, or an equal one restored under its name)', () => {
    expect(shipped).toEqual({ file: 'samples/scenarios/flash-sale.json', from: 'checkout' });
    expect(scenarioArgument('flash-sale.json', structuredClone(flash), SHIPPED)).toEqual({ file: 'samples/scenarios/flash-sale.json', from: 'checkout' });
  });

  it('names an edited sample, or any other file, by its name, run in its folder', () => {
    expect(scenarioArgument('flash-sale.json', { ...flash, seed: 8 }, SHIPPED)).toEqual({ file: 'flash-sale.json', from: 'scenario' });
    // another file that happens to hold the sample: still a file of the user's
    expect(scenarioArgument('copy.json', structuredClone(flash), SHIPPED)).toEqual({ file: 'copy.json', from: 'scenario' });
    expect(scenarioArgument('C:\\class\\seats.scenario.json', { name: 'x' }, SHIPPED)).toEqual({ file: 'seats.scenario.json', from: 'scenario' });
  });

  it('names the file Download scenario wrote as the downloaded one, in its folder: not the sample of the same name the checkout ships', () => {
    const downloaded = scenarioArgument('flash-sale.json', { ...flash, seed: 42 }, SHIPPED, true);
    expect(downloaded).toEqual({ file: 'flash-sale.json', from: 'download' });
    expect(sameAsText(runCommandLine(downloaded))).toBe('Same as purestream run flash-sale.json, run in the folder of the downloaded flash-sale.json');
    expect(runCommandLine(downloaded, [], true).pending).toBe(EDITS_PENDING);
    // downloaded unchanged: the shipped sample is the same scenario
    expect(scenarioArgument('flash-sale.json', flash, SHIPPED, true)).toEqual({ file: 'samples/scenarios/flash-sale.json', from: 'checkout' });
  });

  it('quotes a name the shell would split', () => {
    expect(scenarioArgument('my class.json', {}, SHIPPED).file).toBe('"my class.json"');
    expect(scenarioArgument("bob's $.json", {}, SHIPPED).file).toBe(`'bob'\\''s $.json'`);
  });
});

describe('the commands', () => {
  const mine = scenarioArgument('seats.json', {}, SHIPPED);

  it('run: every run, or the named ones with --run repeated; a file of the user\'s in its folder, said to be the edited scenario once saved to it while the file does not hold the edits', () => {
    expect(runCommandLine(shipped)).toEqual({ command: 'purestream run samples/scenarios/flash-sale.json', where: "run in a Purestream checkout's folder" });
    expect(runCommandLine(mine, ['8 workers', 'fifo'])).toEqual({ command: 'purestream run seats.json --run "8 workers" --run fifo', where: "run in the scenario file's folder" });
    const edited = runCommandLine(mine, [], true);
    expect(edited).toEqual({ command: 'purestream run seats.json', pending: 'with your edits, once saved to that file (Download scenario)', where: "run in the scenario file's folder" });
    // the edits come right after the command: the line never claims the file as it is gives these results
    expect(sameAsText(edited)).toBe("Same as purestream run seats.json with your edits, once saved to that file (Download scenario), run in the scenario file's folder");
    expect(sameAsText(runCommandLine(mine))).toBe("Same as purestream run seats.json, run in the scenario file's folder");
    expect(runCommandLine(shipped, [], true)).toEqual(runCommandLine(shipped));
  });

  it('compare and sweep, a file of the user\'s with edits it does not hold said as run says it', () => {
    expect(compareCommandLine(shipped)).toEqual({ command: 'purestream compare samples/scenarios/flash-sale.json', where: "run in a Purestream checkout's folder" });
    expect(compareCommandLine(mine, true).pending).toBe(EDITS_PENDING);
    expect(sweepCommandLine(shipped, '--run "8 workers" --param scheduler.workers=1..16:1')).toEqual({
      command: 'purestream sweep samples/scenarios/flash-sale.json --run "8 workers" --param scheduler.workers=1..16:1 --json',
      where: "run in a Purestream checkout's folder",
    });
    expect(sweepCommandLine(mine, '--param seed=1..3:1')).toEqual({ command: 'purestream sweep seats.json --param seed=1..3:1 --json', where: "run in the scenario file's folder" });
    expect(sweepCommandLine(mine, '--param seed=1..3:1', true)).toEqual({ ...sweepCommandLine(mine, '--param seed=1..3:1'), pending: EDITS_PENDING });
    expect(sweepCommandLine(shipped, '--param seed=1..3:1', true).pending).toBeUndefined();
  });

  it('inspect: the reading bar as flags (auto left out), a module by ./its file name, a map as map.json', () => {
    const sample = { kind: 'shipped', path: 'samples/logs/flash-sale-oversell.cloudevents.json' } as const;
    expect(inspectCommandLine(sample, { domain: 'commerce' })).toEqual({ command: 'purestream inspect samples/logs/flash-sale-oversell.cloudevents.json --domain commerce', where: "run in a Purestream checkout's folder" });
    expect(inspectCommandLine({ kind: 'file', name: 'orders log.jsonl' }, { domain: null, profile: 'emmett', framing: 'lines' })).toEqual({ command: 'purestream inspect "orders log.jsonl" --profile emmett --framing lines', where: "run in the log file's folder" });
    expect(inspectCommandLine({ kind: 'file', name: 'x.jsonl' }, { domain: 'seats.ts', framing: 'auto', map: true })).toEqual({
      command: 'purestream inspect x.jsonl --domain ./seats.ts --map map.json',
      where: "run in the log file's folder, with the module seats.ts and map.json (Mapping… → Download map) in it",
    });
  });

  it('inspect: --skip-invalid when the app skipped records the CLI refuses a log for (malformed, unmapped, unknown-type, invalid-data), or may have (the list was cut)', () => {
    const file = { kind: 'file', name: 'credit-emmett.jsonl' } as const;
    expect(inspectCommandLine(file, { domain: 'credit.ts', skipInvalid: true }).command).toBe('purestream inspect credit-emmett.jsonl --domain ./credit.ts --skip-invalid');
    expect(inspectCommandLine({ kind: 'url', display: 'nats://h:4222/S', until: 'live' }, { domain: 'bank.ts', skipInvalid: true }).command).toBe('purestream inspect nats://h:4222/S --domain ./bank.ts --until live --skip-invalid');
    for (const kind of ['malformed', 'unmapped', 'unknown-type', 'invalid-data'] as const) expect(skipsInvalid({ anomalies: [{ kind: 'gap' }, { kind }] })).toBe(true);
    // the rest are reported by the CLI as by the app, without the flag
    expect(skipsInvalid({ anomalies: [{ kind: 'duplicate-id' }, { kind: 'gap' }, { kind: 'out-of-order' }, { kind: 'time-reversal' }, { kind: 'no-zone' }] })).toBe(false);
    expect(skipsInvalid({ anomalies: [] })).toBe(false);
    expect(skipsInvalid({ anomalies: [{ kind: 'gap' }], anomalyCount: 10_001 })).toBe(true);
  });

  it('inspect a live source: the URL without its password, no framing, where it started and whether it tails', () => {
    expect(withoutHiddenSecrets('postgres://app:***@db:5432/shop?store=emmett')).toBe('postgres://app@db:5432/shop?store=emmett');
    expect(withoutHiddenSecrets('nats://host:4222/ORDERS?token=***')).toBe('nats://host:4222/ORDERS');
    expect(withoutHiddenSecrets('postgres://db/shop?password=***&store=marten')).toBe('postgres://db/shop?store=marten');
    // a NATS token shown as ***@ (src/sources/sourceUrl.ts)
    expect(withoutHiddenSecrets('nats://***@host:4222/ORDERS')).toBe('nats://host:4222/ORDERS');
    expect(inspectCommandLine({ kind: 'url', display: 'postgres://app:***@db:5432/shop?store=emmett', until: 'live' }, { domain: 'commerce', framing: 'lines' })).toEqual({
      command: 'purestream inspect "postgres://app@db:5432/shop?store=emmett" --domain commerce --until live',
      where: 'run anywhere, with the password added to the URL',
    });
    expect(inspectCommandLine({ kind: 'url', display: 'nats://h:4222/S', from: '42', until: 'head' }, { domain: 'bank.ts' })).toEqual({ command: 'purestream inspect nats://h:4222/S --domain ./bank.ts --from 42', where: "run in the module's folder" });
  });
});

describe('the lines run as the CLI takes them, from the checkout\'s folder', () => {
  it('run a bundled sample, every run and one named run', async () => {
    expect(await cli(runCommandLine(shipped).command)).toMatchObject({ code: 0, err: '' });
    const first = (flash.runs as { name: string }[])[0].name;
    expect(await cli(runCommandLine(shipped, [first]).command)).toMatchObject({ code: 0, err: '' });
  }, 60_000);

  it('compare a bundled sample; inspect the bundled log with its domain', async () => {
    expect(await cli(compareCommandLine(shipped).command)).toMatchObject({ code: 0, err: '' });
    expect((await cli(inspectCommandLine({ kind: 'shipped', path: 'samples/logs/flash-sale-oversell.cloudevents.json' }, { domain: 'commerce', profile: 'cloudevents' }).command)).code).toBe(0);
  }, 60_000);

  it("inspect a log of the user's with a malformed, an unknown-type and an invalid record, read as the app read it: the same report, exit 0", async () => {
    const folder = 'test/fixtures/modules/credit';
    const text = readFileSync(`${folder}/credit-emmett.jsonl`, 'utf8');
    // read as the app reads it: every record stored, the unreadable ones skipped and reported
    const domain = domainModule(credit, { name: 'credit.ts', defaultId: 'credit', guard: new CallGuard({ module: 'credit.ts' }) });
    const db = createWorkspace(await initSqlJs());
    const { report } = await importRecords(new DatabaseLogs(db), [text], { domain, domainName: 'credit.ts', name: 'credit-emmett.jsonl', source: 'credit-emmett.jsonl' });
    expect(report.anomalies.map((a) => a.kind)).toEqual(expect.arrayContaining(['malformed', 'unknown-type', 'invalid-data']));
    const line = inspectCommandLine({ kind: 'file', name: 'credit-emmett.jsonl' }, { domain: 'credit.ts', skipInvalid: skipsInvalid(report) });
    expect(line.command).toBe('purestream inspect credit-emmett.jsonl --domain ./credit.ts --skip-invalid');
    const run = await cli(line.command, folder);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain(`anomalies (${report.anomalies.length}):`);
    expect(run.out).toContain('line 74  malformed');
    expect(run.out).toContain(`invariant violations (${report.violations.length}):`);
    // without the flag the CLI refuses the log the app reads
    expect((await cli('purestream inspect credit-emmett.jsonl --domain ./credit.ts', folder)).code).toBe(1);
  }, 60_000);
});

describe('logArgumentOf', () => {
  it('a live read is its URL as shown, with --from when it had one and how far it read', () => {
    expect(logArgumentOf('postgresql://app:***@db/shop', { from: '2024-01-01', until: 'head' })).toEqual({ kind: 'url', display: 'postgresql://app:***@db/shop', from: '2024-01-01', until: 'head' });
    expect(logArgumentOf('nats://localhost:4222/ORDERS', { until: 'live' }, 'ignored.json')).toEqual({ kind: 'url', display: 'nats://localhost:4222/ORDERS', until: 'live' });
  });

  it('a log the checkout ships is its path; any other is the file by its name', () => {
    expect(logArgumentOf('flash-sale-oversell.cloudevents.json', undefined, 'samples/logs/flash-sale-oversell.cloudevents.json')).toEqual({ kind: 'shipped', path: 'samples/logs/flash-sale-oversell.cloudevents.json' });
    expect(logArgumentOf('orders.jsonl')).toEqual({ kind: 'file', name: 'orders.jsonl' });
  });
});
