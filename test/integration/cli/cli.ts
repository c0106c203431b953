/** Runs the `purestream` command line in this process, as a user would (exit code, stdout, stderr), or as the real process. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';
export { cli, type CliOptions, type CliRun } from '../../unit/cli/cliHarness';

/** The env of a real `purestream` process: from the sources, without kafkajs's partitioner notice. */
export const processEnv = { ...process.env, PURESTREAM_FROM_SOURCE: '1', KAFKAJS_NO_PARTITIONER_WARNING: '1' };

/** Runs `purestream ...args` as its own process, as a user runs it (Node prints warnings on its stderr). */
export function cliProcess(args: readonly string[], cwd?: string): SpawnSyncReturns<string> {
  const bin = fileURLToPath(new URL('../../../bin/purestream.mjs', import.meta.url));
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: processEnv, timeout: 60_000 });
}
