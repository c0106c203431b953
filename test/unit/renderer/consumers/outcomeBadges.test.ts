import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { outcomeBadges } from '../../../../renderer/lib/consumers/outcomeBadges';
import { parseScenario } from '../../../../src/engine/scenario/parse';
import { runScenario } from '../../../../src/engine/run';

/** Each consumer's attempt outcomes in a run's trace, counted like the Consumers view's reader. */
function outcomesOf(attempts: readonly { consumer: string; outcome: string }[], consumer: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of attempts) if (a.consumer === consumer) out.set(a.outcome, (out.get(a.outcome) ?? 0) + 1);
  return out;
}

describe('a consumer\'s outcome badges', () => {
  it('sum failed attempts into the report\'s delivery failures and say what became of them', () => {
    expect(outcomeBadges(new Map([['enacted', 13], ['failed', 13], ['parked', 2]])).map((b) => b.text)).toEqual(['13 enacted', '15 failures (13 retried, 2 parked)']);
    expect(outcomeBadges(new Map([['failed', 1]])).map((b) => [b.text, b.tone])).toEqual([['1 failure (1 retried)', 'warn']]);
    expect(outcomeBadges(new Map([['lost', 5], ['enacted', 40]])).map((b) => [b.text, b.tone])).toEqual([['40 enacted', 'ok'], ['5 failures (5 lost)', 'bad']]);
  });

  it('agree with Metrics on the Decoupled uptime sample: every run\'s failures are its delivery failures', () => {
    const parsed = parseScenario(JSON.parse(readFileSync('samples/scenarios/decoupled-uptime.json', 'utf8')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { report, traces } = runScenario(parsed.scenario, { trace: true });
    for (const [i, run] of report.runs.entries()) {
      const consumers = parsed.scenario.runs[i].consumers.map((c) => c.name);
      const failures = consumers
        .map((c) => outcomeBadges(outcomesOf(traces[i].attempts, c)).find((b) => b.text.includes('failure')))
        .reduce((sum, b) => sum + (b ? Number(b.text.split(' ')[0].replace(/,/g, '')) : 0), 0);
      expect(failures, run.name).toBe(run.metrics.failures);
    }
    const flaky = report.runs.findIndex((r) => r.name === 'flaky + retries');
    expect(report.runs[flaky].metrics.failures).toBe(15);
  });
});
