import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';

const capture = async (argv: string[]) => {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, cwd: process.cwd() });
  return { code, out, err };
};

describe('purestream --help', () => {
  it('offers --domain ID|PATH (a bundled domain or a module) for source URLs, as inspect accepts', async () => {
    const { out } = await capture(['--help']);
    const sourceLine = out.split('\n').find((l) => l.includes('inspect <source-url>'));
    expect(sourceLine).toContain('[--domain ID|PATH]');
  });

  it("lists enact's options the README uses (--ack-wait, --stop-after)", async () => {
    const { out } = await capture(['--help']);
    const enact = out.slice(out.indexOf('purestream enact'), out.indexOf('purestream compare-real'));
    for (const option of ['--ack-wait MS', '--stop-after N', '--state FILE', '--until head|live', '--domain ID']) expect(enact).toContain(option);
  });

  it("offers compare-real's --consumer NAME (the run's consumer a real run enacted with --domain stands for)", async () => {
    const { out } = await capture(['--help']);
    expect(out.split('\n').find((l) => l.includes('purestream compare-real'))).toContain('[--consumer NAME]');
  });

  it('inspect <source-url> lists the options that work with a URL: --profile, --map, --skip-invalid, --fail-on, --checkpoint', async () => {
    const { out } = await capture(['--help']);
    const url = out.slice(out.indexOf('purestream inspect <source-url>'), out.indexOf('postgres://'));
    for (const option of ['--from', '--until', '--batch N', '--domain ID|PATH', '--profile NAME', '--map FILE', '--skip-invalid', '--fail-on anomalies,violations,drift', '--checkpoint FILE', '--json']) expect(url).toContain(option);
  });

  it("a command's --help prints its own usage and what every command shares, not the other commands", async () => {
    const r = await capture(['inspect', '--help']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out.startsWith('Usage:\n  purestream inspect <log-file> ')).toBe(true);
    expect(r.out).toContain('  purestream inspect <source-url> ');
    expect(r.out).toContain('postgres://user@host:port/db');
    expect(r.out).toContain('Exit codes:');
    expect(r.out).not.toContain('purestream run ');
    expect(r.out).not.toContain('purestream enact ');
    expect(r.out.endsWith('purestream --help lists every command.\n')).toBe(true);
    // a command whose usage goes on over two lines keeps both
    expect((await capture(['enact', '-h'])).out).toContain('[--ack-wait MS] [--stop-after N]');
  });

  it('a bare `purestream` is a usage error: the usage on stderr, nothing on stdout, exit 2', async () => {
    const bare = await capture([]);
    expect(bare.code).toBe(2);
    expect(bare.out).toBe('');
    expect(bare.err).toContain('Usage:\n  purestream run <scenario.json>');
    const asked = await capture(['--help']);
    expect([asked.code, asked.err]).toEqual([0, '']);
    expect(asked.out).toContain('Usage:');
  });
});
