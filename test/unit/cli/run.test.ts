import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeRunCommand } from '../../../src/cli/commands/run';
import { nodeSha256 } from '../../../src/logs/node/nodeHasher';
import { main } from '../../../src/cli/main';
import { fakeRunner, filesIn, invoke, recordingIO } from './cliHarness';

const runWith = (fixtures: string[], args: string[], tty = false) => {
  const io = recordingIO(fixtures, tty);
  const fake = fakeRunner();
  return { io, fake, code: invoke(makeRunCommand(fake.runner), args, io) };
};

describe('purestream run: usage and bad input', () => {
  it('needs exactly one scenario file (exit 2)', async () => {
    const io = recordingIO();
    expect(await main(['run'], io)).toBe(2);
    expect(io.stderr).toContain('expected a scenario file');
    expect(await main(['run', 'a.json', 'b.json'], io)).toBe(2);
    expect(await main(['run', 'a.json', '--bogus'], io)).toBe(2);
    expect(io.stderr).toContain('unknown option --bogus');
  });

  it('names a missing file (exit 1)', async () => {
    const io = recordingIO();
    expect(await main(['run', 'nope.json'], io)).toBe(1);
    expect(io.stderr).toBe('nope.json: cannot read the file: no such file\n');
  });

  it("names the scenario file and its domain field when the domain is a path no loader opens (exit 1)", async () => {
    const io = recordingIO();
    writeFileSync(join(io.cwd, 'pathdomain.json'), JSON.stringify({ format: 'purestream/scenario@1', name: 'p', domain: '../../etc/passwd', commands: [{ type: 'RestockItem', data: { sku: 'tee', qty: 1 } }] }));
    expect(await main(['run', 'pathdomain.json'], io)).toBe(1);
    expect(io.stderr).toBe('pathdomain.json: domain: "../../etc/passwd" is not a domain module: expected a .ts, .mts, .js or .mjs file, or a bundled domain\'s id ("commerce", "profiles")\n');
  });

  it('names the file and JSON path of a bad value (exit 1), and the line of a syntax error', async () => {
    const io = recordingIO(['bad.json', 'syntax-error.json']);
    expect(await main(['run', 'bad.json'], io)).toBe(1);
    expect(io.stderr).toBe('bad.json: commands[1].data.qty: expected an integer >= 1, got "two"\n');
    expect(await main(['run', 'syntax-error.json', '--json'], io)).toBe(1);
    expect(io.stderr).toContain('syntax-error.json: line 4, column 1: invalid JSON');
    expect(io.stdout).toBe('');
  });

  it('says a run name two runs share in one line, at the second of them (exit 1)', async () => {
    const io = recordingIO(['flash-sale.json']);
    const s = JSON.parse(readFileSync(join(io.cwd, 'flash-sale.json'), 'utf8'));
    s.runs[1].name = s.runs[0].name;
    writeFileSync(join(io.cwd, 'clash.json'), JSON.stringify(s));
    expect(await main(['run', 'clash.json'], io)).toBe(1);
    expect(io.stderr).toBe('clash.json: runs[1].name: duplicate run name "one queue" (also at runs[0].name)\n');
  });

  it('treats an unknown --run name as a usage error listing the runs (exit 2)', async () => {
    const io = recordingIO(['flash-sale.json']);
    expect(await main(['run', 'flash-sale.json', '--run', 'nine workers'], io)).toBe(2);
    expect(io.stderr).toContain('--run "nine workers": flash-sale.json has no run of that name; its runs: "one queue", "8 workers"');
  });

  it('creates no output file on bad input', async () => {
    const io = recordingIO(['bad.json']);
    expect(await main(['run', 'bad.json', '--out', 'report.json'], io)).toBe(1);
    expect(filesIn(io)).toEqual(['bad.json']);
  });
});

describe('purestream run: output (fake engine)', () => {
  it('prints a table with one column per run, rejections by code, violations and state hash', async () => {
    const { io, code } = runWith(['flash-sale.json'], ['flash-sale.json']);
    expect(await code).toBe(0);
    const lines = io.stdout.split('\n');
    expect(lines[0]).toBe('Flash sale: 30 orders for 20 units — domain commerce, seed 7');
    expect(lines[2]).toMatch(/^\s+one queue\s+8 workers$/);
    expect(io.stdout).toMatch(/Makespan \(ms\)\s+12\.35\s+12\.35/);
    expect(io.stdout).toMatch(/Rejected: out-of-stock\s+1\s+1/);
    expect(io.stdout).toMatch(/Invariant violations\s+0\s+0/);
    expect(io.stdout).toMatch(/State hash\s+abababababab\s+abababababab/);
    expect(io.stderr).toBe('');
  });

  it('calls the engine without traces, with the selected runs (and the native SHA-256 for the state hash)', async () => {
    const { fake, code, io } = runWith(['flash-sale.json'], ['flash-sale.json', '--run', '8 workers', '--json']);
    expect(await code).toBe(0);
    expect(fake.calls[0].options).toEqual({ runs: ['8 workers'], trace: false, services: { hasher: nodeSha256 } });
    expect(JSON.parse(io.stdout).runs.map((r: { name: string }) => r.name)).toEqual(['8 workers']);
  });

  it('prints the report JSON with --json', async () => {
    const { io, code } = runWith(['flash-sale.json'], ['flash-sale.json', '--json']);
    expect(await code).toBe(0);
    const report = JSON.parse(io.stdout);
    expect(report).toMatchObject({ format: 'purestream/report@1', scenario: 'Flash sale: 30 orders for 20 units', seed: 7 });
    expect(io.stdout.endsWith('}\n')).toBe(true);
  });

  it('writes --out atomically: the JSON report in the file, nothing on stdout, one line on stderr', async () => {
    const { io, code } = runWith(['flash-sale.json'], ['flash-sale.json', '--out', 'report.json']);
    expect(await code).toBe(0);
    expect(io.stdout).toBe('');
    expect(io.stderr).toBe('purestream run: wrote the report of 2 runs to report.json\n');
    expect(filesIn(io)).toEqual(['flash-sale.json', 'report.json']);
    expect(JSON.parse(readFileSync(join(io.cwd, 'report.json'), 'utf8')).runs).toHaveLength(2);
  });

  it('exits 1 and leaves nothing behind when --out cannot be written', async () => {
    const { io, code } = runWith(['flash-sale.json'], ['flash-sale.json', '--out', 'missing/dir/report.json']);
    expect(await code).toBe(1);
    expect(io.stderr).toBe('--out missing/dir/report.json: folder missing/dir does not exist\n');
    expect(filesIn(io)).toEqual(['flash-sale.json']);
  });

  it('exits 3 with --fail-on-violation only when a run broke an invariant', async () => {
    const io = recordingIO(['everything.json']);
    const scenario = JSON.parse(readFileSync(join(io.cwd, 'everything.json'), 'utf8'));
    scenario.runs[1].name = 'broken pool';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(io.cwd, 'broken.json'), JSON.stringify(scenario));
    const fake = fakeRunner();
    const run = makeRunCommand(fake.runner);
    expect(await invoke(run, ['broken.json', '--fail-on-violation'], io)).toBe(3);
    expect(io.stdout).toContain('Invariant violations:\n  broken pool: stock-non-negative at 7 ms (event 3): stock of tee@main is -1\n');
    expect(await invoke(run, ['broken.json'], io)).toBe(0);
    expect(await invoke(run, ['broken.json', '--fail-on-violation', '--run', 'serial'], io)).toBe(0);
  });

  it('loads sql.js for a run with an sql consumer', async () => {
    const { fake, code } = runWith(['sql.json'], ['sql.json', '--json']);
    expect(await code).toBe(0);
    const sqlJs = fake.calls[0].options?.services?.sqlJs;
    expect(new sqlJs.Database().exec('select 1 + 1 as two')[0].values).toEqual([[2]]);
  });

  it('shows no progress when stderr is not a terminal', async () => {
    const { io, code } = runWith(['flash-sale.json'], ['flash-sale.json']);
    await code;
    expect(io.stderr).toBe('');
  });
});

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('purestream run and compare (real engine)', () => {
  it('gives a byte-identical report for the same file twice', async () => {
    const io = recordingIO(['everything.json']);
    expect(await main(['run', 'everything.json', '--json'], io)).toBe(0);
    const first = io.stdout;
    io.stdout = '';
    expect(await main(['run', 'everything.json', '--json'], io)).toBe(0);
    expect(io.stdout).toBe(first);
    expect(JSON.parse(first).runs.map((r: { name: string }) => r.name)).toEqual(['serial', 'pool', 'keyed', 'scaling']);
  });

  it('writes the same bytes with --out as --json prints', async () => {
    const io = recordingIO(['flash-sale.json']);
    expect(await main(['run', 'flash-sale.json', '--json'], io)).toBe(0);
    expect(await main(['run', 'flash-sale.json', '--out', 'report.json'], io)).toBe(0);
    expect(readFileSync(join(io.cwd, 'report.json'), 'utf8')).toBe(io.stdout);
    expect(filesIn(io)).toEqual(['flash-sale.json', 'report.json']);
  });

  it('exits 3 with --fail-on-violation when the pool oversells, 0 for the serial run', async () => {
    const io = recordingIO(['flash-sale.json']);
    expect(await main(['run', 'flash-sale.json', '--fail-on-violation'], io)).toBe(3);
    expect(io.stdout).toContain('8 workers: stock-non-negative');
    expect(await main(['run', 'flash-sale.json', '--fail-on-violation', '--run', 'one queue'], io)).toBe(0);
  });

  it('runs an sql consumer', async () => {
    const io = recordingIO(['sql.json']);
    expect(await main(['run', 'sql.json', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout).runs[0].metrics.deliveries).toBe(6);
  });

  it('compares the runs with their final-state differences', async () => {
    const io = recordingIO(['flash-sale.json']);
    expect(await main(['compare', 'flash-sale.json', '--json'], io)).toBe(0);
    const { comparison } = JSON.parse(io.stdout);
    expect(comparison).toHaveLength(1);
    expect(comparison[0]).toMatchObject({ a: 'one queue', b: '8 workers', sameFinalState: false });
    const stock = comparison[0].differences.find((d: { path: string[] }) => d.path.join('/') === 'stock:tee@main/stock');
    expect(stock.a).toBe(0);
    expect(stock.b).toBeLessThan(0);
  });

  it('works as `node bin/purestream.mjs run` in a child process', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin/purestream.mjs'), 'run', join(root, 'test/fixtures/scenarios/flash-sale.json'), '--json', '--run', 'one queue'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out).runs[0]).toMatchObject({ name: 'one queue', violations: [] });
  });
});
