import { readdirSync, readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { CloudEvent } from 'cloudevents';
import { beforeAll, describe, expect, it } from 'vitest';
import { domainById } from '../../../domain';
import { runScenario } from '../../../src/engine/run';
import { expandScenario } from '../../../src/engine/scenario/expand';
import { parseScenario } from '../../../src/engine/scenario/parse';
import type { Scenario } from '../../../src/engine/types';
import { cloudEventsBatch, eventsJsonLines } from '../../../src/logs/cloudEventWriter';
import { exportHeader, exportRecords } from '../../../src/logs/exportRun';
import { inspectLog } from '../../../src/logs/inspectLog';

const dir = new URL('../../../samples/scenarios/', import.meta.url);
const samples = readdirSync(dir).filter((f) => f.endsWith('.json'));
let sqlJs: unknown;
beforeAll(async () => {
  sqlJs = await initSqlJs();
});

const load = (file: string): Scenario => {
  const parsed = parseScenario(readFileSync(new URL(file, dir), 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
};

/** Exports one run in both formats. */
function exportBoth(scenario: Scenario, runName: string) {
  const run = scenario.runs.find((r) => r.name === runName)!;
  const { report, traces } = runScenario(scenario, { runs: [runName], trace: true, services: { sqlJs } as never });
  const { setup, arrivals } = expandScenario(scenario);
  const records = exportRecords({ decider: domainById(scenario.domain)!, trace: traces[0], setup, arrivals, authorize: run.authorize });
  return {
    run: report.runs[0],
    events: eventsJsonLines(exportHeader(scenario.domain, scenario.name, runName, run.authorize), records),
    cloudevents: cloudEventsBatch(records, scenario.domain),
  };
}

describe('export then inspect gives the run back', () => {
  it('has bundled samples to check', () => expect(samples.length).toBeGreaterThan(0));

  for (const file of samples) {
    const scenario = load(file);
    for (const run of scenario.runs) {
      it(`${file} / ${run.name}: same stateHash and violations in both formats, no drift, no anomalies`, async () => {
        const exported = exportBoth(scenario, run.name);
        for (const format of ['events', 'cloudevents'] as const) {
          const result = await inspectLog([exported[format]], { domain: domainById(scenario.domain)!, source: `${file}.${format}`, format: 'auto' });
          if (!result.ok) throw new Error(`${format}: ${JSON.stringify(result.problems)}`);
          const r = result.report;
          expect(r.stateHash, format).toBe(exported.run.stateHash);
          expect(r.anomalies, format).toEqual([]);
          expect(r.drift, format).toEqual([]);
          expect(r.events, format).toBeGreaterThanOrEqual(exported.run.metrics.events);
          // a CloudEvents export's seq is its zero-padded `sequence`: eventSeq is the same number
          const setupViolations = r.violations.length - exported.run.violations.length;
          expect(r.violations.slice(setupViolations).map((v) => v.eventSeq), format).toEqual(exported.run.violations.map((v) => v.eventSeq));
        }
      });
    }
  }

  it('every exported CloudEvent passes the official SDK validation', () => {
    for (const file of samples) {
      const scenario = load(file);
      const { cloudevents } = exportBoth(scenario, scenario.runs[0].name);
      const batch = JSON.parse(cloudevents) as Record<string, unknown>[];
      expect(batch.length).toBeGreaterThan(0);
      for (const e of batch) {
        expect(new CloudEvent(e).validate()).toBe(true);
        if (e.sequence !== undefined) expect(e.sequence).toMatch(/^\d{20}$/);
        expect(e).toMatchObject({ specversion: '1.0', source: `/purestream/${scenario.domain}`, datacontenttype: 'application/json' });
        expect(String(e.type)).toMatch(new RegExp(`^purestream\\.${scenario.domain}\\.`));
      }
    }
  });
});
