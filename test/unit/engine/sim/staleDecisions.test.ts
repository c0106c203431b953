import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario, runScenario } from '../../../../src/engine';

const sample = (file: string) => {
  const parsed = parseScenario(readFileSync(`samples/scenarios/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return runScenario(parsed.scenario);
};

describe('stale decisions (report extension staleDecisions, trace DecisionRecord.stale)', () => {
  it('none under one queue or one writer per key; many in an uncoordinated pool', () => {
    const { report, traces } = sample('flash-sale.json');
    const byName = Object.fromEntries(report.runs.map((r, i) => [r.name, { metrics: r.metrics, trace: traces[i] }]));
    expect(byName['one queue'].metrics.staleDecisions).toBe(0);
    expect(byName['single writer'].metrics.staleDecisions).toBe(0);
    expect(byName['8 workers'].metrics.staleDecisions).toBeGreaterThan(0);
    const staleInTrace = byName['8 workers'].trace.decisions.filter((d) => d.stale).length;
    expect(staleInTrace).toBe(byName['8 workers'].metrics.staleDecisions);
  });
  it('counts decisions that read a state store which was down (lag > 0)', () => {
    const { report, traces } = sample('decoupled-uptime.json');
    const i = report.runs.findIndex((r) => r.name === 'store down in the rush');
    expect(report.runs[i].metrics.staleDecisions).toBeGreaterThan(0);
    expect(traces[i].decisions.some((d) => d.stale && d.lag > 0)).toBe(true);
  });
});
