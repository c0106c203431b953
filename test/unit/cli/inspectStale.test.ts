import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InspectionReport } from '../../../src/logs/types';
import { cli as runCli } from './cliHarness';

const scenario = new URL('../../../samples/scenarios/flash-sale.json', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'purestream-stale-'));

const cli = (...args: string[]) => runCli(args);

/** Exports a run of the flash sale and inspects it with its domain: the JSON report, the text one, the log's lines and the run's own stale decisions count. */
async function exported(run: string, format = 'events') {
  const file = join(tmp, `${run}.${format}`);
  expect((await cli('export', scenario, '--run', run, '--format', format, '--out', file)).code).toBe(0);
  const json = await cli('inspect', file, '--domain', 'commerce', '--json');
  expect(json.code, json.err).toBe(0);
  const text = await cli('inspect', file, '--domain', 'commerce');
  const simulated = JSON.parse((await cli('run', scenario, '--run', run, '--json')).out).runs[0].metrics.staleDecisions as number;
  return { report: JSON.parse(json.out) as InspectionReport, text: text.out, lines: readFileSync(file, 'utf8').split('\n'), simulated };
}

describe('purestream inspect finds the stale decisions of an exported run', () => {
  it('"8 workers" overbooks with no decision drift: its log shows the commands decided on a state that changed before their events', async () => {
    const { report, text, lines, simulated } = await exported('8 workers');
    expect(report.drift).toEqual([]);
    expect(report.violations.map((v) => v.invariant)).toEqual(['stock-non-negative']);
    const stale = report.staleDecisions!;
    // the log sees the stale decisions that wrote events (the run's count has its stale rejections too)
    expect(stale.count).toBeGreaterThan(90);
    expect(stale.count).toBeLessThanOrEqual(simulated);
    expect(stale.first.length).toBe(Math.min(stale.count, 100));
    for (const s of stale.first) {
      const command = JSON.parse(lines[s.line - 1]);
      const between = JSON.parse(lines[s.changedAt.line - 1]);
      expect(command).toMatchObject({ kind: 'command', id: s.commandId });
      // another decision's event on the command's stream, after the command's record
      expect(between.stream).toBe(s.stream);
      expect(between.causationId).not.toBe(s.commandId);
      expect(between.causationId).toBe(s.changedAt.causationId);
      expect(s.changedAt.line).toBeGreaterThan(s.line);
      // and the command's first event comes after it
      const firstOwn = lines.findIndex((l) => l.includes(`"causationId":${JSON.stringify(s.commandId)}`)) + 1;
      expect(firstOwn).toBeGreaterThan(s.changedAt.line);
    }
    const first = stale.first[0];
    expect(text).toContain(
      `  stale decisions: ${stale.count} — a command decided on a state another decision changed before its events were recorded; first: ${first.commandId} at line ${first.line} (stream stock:tee@main changed at line ${first.changedAt.line}, by ${first.changedAt.causationId})\n`,
    );
    expect(text).toContain('  decision drift: none\n');
  });

  it('the CloudEvents export of the same run has as many', async () => {
    const events = await exported('8 workers');
    const cloudevents = await exported('8 workers', 'cloudevents');
    expect(cloudevents.report.staleDecisions!.count).toBe(events.report.staleDecisions!.count);
  });

  it('"one queue" decides each command on the state its predecessors left: no stale decisions', async () => {
    const { report, text } = await exported('one queue');
    expect(report.commands).toBeGreaterThan(0);
    expect(report.staleDecisions).toEqual({ count: 0, first: [] });
    expect(text).toContain('  stale decisions: none\n');
  });
});
