/** The command line built ahead of time (dist/cli) answers as the sources do, and `--version` / `-V` load no command. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { recordingIO } from './cliHarness';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
const node = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });

describe('start-up', () => {
  beforeAll(async () => {
    const { buildCli } = await import('../../../scripts/buildCli.mjs');
    await buildCli();
  }, 60_000);

  it('--version and -V print the version', async () => {
    for (const flag of ['--version', '-V']) {
      const io = recordingIO();
      expect(await main([flag], io)).toBe(0);
      expect(io.stdout).toBe(`purestream ${pkg.version}\n`);
    }
  });

  it('the built command line gives the same output as the sources', () => {
    const sample = 'samples/scenarios/flash-sale.json';
    const built = node(['dist/cli/index.js', 'run', sample, '--json']);
    const source = node(['bin/purestream.mjs', 'run', sample, '--json'], { PURESTREAM_FROM_SOURCE: '1' });
    expect(built.status).toBe(0);
    expect(built.stdout).toBe(source.stdout);
    const log = 'test/fixtures/logs/profiles/kafka-kcat.jsonl';
    expect(node(['dist/cli/index.js', 'inspect', log, '--json']).stdout).toBe(node(['bin/purestream.mjs', 'inspect', log, '--json'], { PURESTREAM_FROM_SOURCE: '1' }).stdout);
  });

  it('bin/purestream.mjs starts from the build when it is fresh, without tsx', () => {
    // NODE_DEBUG=esm lists every module loaded: the sources path loads tsx, the built one does not
    const built = node(['bin/purestream.mjs', '--version'], { NODE_DEBUG: 'esm' });
    expect(built.stdout).toBe(`purestream ${pkg.version}\n`);
    expect(built.stderr).not.toMatch(/tsx/);
    expect(node(['bin/purestream.mjs', '--version'], { NODE_DEBUG: 'esm', PURESTREAM_FROM_SOURCE: '1' }).stderr).toMatch(/tsx/);
  });
});
