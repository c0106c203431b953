import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as runCli } from './cliHarness';

const scenario = new URL('../../../samples/scenarios/flash-sale.json', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'purestream-export-'));

const cli = (...args: string[]) => runCli(args);

describe('purestream export', () => {
  it('writes a log that inspect turns back into the run stateHash, in both formats', async () => {
    const run = JSON.parse((await cli('run', scenario, '--run', '8 workers', '--json')).out).runs[0];
    for (const format of ['events', 'cloudevents']) {
      const file = join(tmp, `fs.${format}`);
      expect((await cli('export', scenario, '--run', '8 workers', '--format', format, '--out', file)).code).toBe(0);
      const inspected = await cli('inspect', file, '--domain', 'commerce', '--json');
      expect(inspected.code, inspected.err).toBe(0);
      expect(JSON.parse(inspected.out).stateHash).toBe(run.stateHash);
    }
    expect(readFileSync(join(tmp, 'fs.events'), 'utf8').split('\n')[0]).toBe(
      '{"format":"purestream/events@1","domain":"commerce","scenario":"Flash sale: 150 orders for 100 units","run":"8 workers","authorize":false}',
    );
  });

  it('writes a record at a time exactly the text of the logs\' writers (eventsJsonLines, cloudEventsBatch)', async () => {
    const { parseScenario } = await import('../../../src/engine/scenario/parse');
    const { runScenario } = await import('../../../src/engine/run');
    const { expandScenario } = await import('../../../src/engine/scenario/expand');
    const { exportHeader, exportRecords } = await import('../../../src/logs/exportRun');
    const { cloudEventsBatch, eventsJsonLines } = await import('../../../src/logs/cloudEventWriter');
    const commerce = (await import('../../../src/engine/module/bundled')).bundledDomain('commerce')!;
    const parsed = parseScenario(readFileSync(scenario, 'utf8'));
    if (!parsed.ok) throw new Error('sample');
    const s = parsed.scenario;
    const records = exportRecords({ decider: commerce, trace: runScenario(s, { runs: ['8 workers'] }).traces[0], ...expandScenario(s), authorize: false });
    expect((await cli('export', scenario, '--run', '8 workers')).out).toBe(eventsJsonLines(exportHeader('commerce', s.name, '8 workers', false), records));
    expect((await cli('export', scenario, '--run', '8 workers', '--format', 'cloudevents')).out).toBe(cloudEventsBatch(records, 'commerce'));
  });

  it('prints to stdout without --out', async () => {
    const r = await cli('export', scenario, '--run', 'one queue', '--format', 'cloudevents');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)[0]).toMatchObject({ specversion: '1.0', source: '/purestream/commerce' });
  });

  it('usage errors exit 2 and write nothing', async () => {
    const out = join(tmp, 'never.jsonl');
    expect((await cli('export', scenario, '--out', out)).code).toBe(2);
    expect((await cli('export', scenario, '--run', 'nope', '--out', out)).code).toBe(2);
    expect((await cli('export', scenario, '--run', 'one queue', '--format', 'xml', '--out', out)).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('a missing scenario exits 1', async () => {
    expect((await cli('export', join(tmp, 'missing.json'), '--run', 'x')).code).toBe(1);
  });
});
