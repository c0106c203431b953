import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../src/engine/scenario/parse';
import { runScenario } from '../../../../src/engine/run';
import { stateAt } from '../../../../src/engine';
import { HistoryCursor, OUTPUT_ROWS, pageOf, summarize, thinSamples, SUMMARY_RECORDS } from '../../../../renderer/src/worker/bigRun';

const restocks = (n: number, consumers: unknown[] = []) => {
  const parsed = parseScenario(
    JSON.stringify({
      format: 'purestream/scenario@1',
      name: 'restocks',
      domain: 'commerce',
      seed: 1,
      commands: [
        { repeat: n, every: 1, template: { type: 'RestockItem', data: { sku: 'tee', qty: 1 } } },
        { repeat: 3, every: 1, template: { type: 'RestockItem', data: { sku: 'cap', qty: 2 } } },
      ],
      runs: [{ name: 'pool', scheduler: { kind: 'pool', workers: 2 }, serviceMs: 3, ...(consumers.length > 0 ? { consumers } : {}) }],
    }),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return runScenario(parsed.scenario, { trace: true });
};

describe('big run summary', () => {
  it('keeps the first records, thins samples, and counts the full trace', () => {
    const result = restocks(5000);
    const { result: summary, big } = summarize(result, 5003);
    const [trace] = summary.traces;
    expect(trace.decisions).toEqual(result.traces[0].decisions.slice(0, SUMMARY_RECORDS));
    expect(trace.history.length).toBe(SUMMARY_RECORDS);
    expect(summary.report).toBe(result.report);
    expect(big.runs[0]).toMatchObject({ decisions: 5003, log: 5003, history: 5003, violationSteps: [] });
    expect(big.runs[0].latencySample.length).toBeGreaterThan(1000);
    expect(big.runs[0].latencyStride).toBe(1);
    expect(trace.queueDepth.length).toBeLessThanOrEqual(4000);
  });

  it("counts each consumer's attempts, dead letters and output rows in full, and keeps their first rows and dead letters' events", () => {
    const result = restocks(5000, [
      { name: 'state', interpreter: 'state-store' },
      { name: 'mail', interpreter: 'notifier', failureRate: 0.8, retry: { max: 1, backoffMs: 1 }, deadLetter: true },
      { name: 'audit', interpreter: 'audit-log' },
    ]);
    const full = result.traces[0];
    const { result: summary, big } = summarize(result, 5003);
    const totals = big.runs[0].consumers;
    const outcomes = (name: string) => {
      const c: Record<string, number> = {};
      for (const a of full.attempts) if (a.consumer === name) c[a.outcome] = (c[a.outcome] ?? 0) + 1;
      return c;
    };
    const dead = full.deadLetters.mail;
    expect(dead.length).toBeGreaterThan(SUMMARY_RECORDS);
    expect(totals.mail).toMatchObject({ outcomes: outcomes('mail'), deadLetters: dead.length, outputRows: { '': (full.outputs.mail as unknown[]).length } });
    expect(totals.audit.outputRows['']).toBe(5003);
    // the summary lists the first dead letters, and their events travel with the totals
    expect(summary.traces[0].deadLetters.mail).toEqual(dead.slice(0, SUMMARY_RECORDS));
    expect(totals.mail.deadLetterEntries.map((e) => e.seq)).toEqual(dead.slice(0, SUMMARY_RECORDS));
    expect(totals.mail.deadLetterEntries[SUMMARY_RECORDS - 1]).toEqual(full.log.find((e) => e.seq === dead[SUMMARY_RECORDS - 1]));
    // outputs: the first rows of each list
    expect(summary.traces[0].outputs.audit).toEqual((full.outputs.audit as unknown[]).slice(0, OUTPUT_ROWS));
  });

  it('thins a series to the peak of each stretch, keeping the last sample', () => {
    const samples = Array.from({ length: 100 }, (_, i) => ({ t: i, value: i === 37 ? 999 : i % 5 }));
    const thin = thinSamples(samples, 11);
    expect(thin.length).toBeLessThanOrEqual(11);
    expect(Math.max(...thin.map((s) => s.value))).toBe(999);
    expect(thin[thin.length - 1]).toEqual(samples[99]);
    expect(thinSamples(samples, 200)).toBe(samples);
  });

  it('pages a list with clamped bounds', () => {
    const list = Array.from({ length: 25 }, (_, i) => i);
    expect(pageOf(list, 20, 10)).toEqual({ offset: 20, items: [20, 21, 22, 23, 24], total: 25 });
    expect(pageOf(list, 99, 10)).toEqual({ offset: 25, items: [], total: 25 });
  });

  it('gives the state at any step, moving either way, as the engine stateAt does', () => {
    const trace = restocks(300).traces[0];
    const cursor = new HistoryCursor(trace);
    for (const step of [-1, 0, 150, 302, 40, 41, 39, 250, 2, -1, 302]) {
      const at = cursor.at(step, 1000);
      expect(at.streams).toEqual(stateAt(trace, step));
      expect(at.streamCount).toBe(Object.keys(stateAt(trace, step)).length);
      if (step >= 0) {
        expect(at.entry).toBe(trace.history[step]);
        expect(at.event?.seq).toBe(trace.history[step].eventSeq);
        expect(Object.keys(at.streams)[0]).toBe(trace.history[step].stream);
      }
    }
    expect(Object.keys(cursor.at(302, 1).streams)).toEqual([trace.history[302].stream]);
  });
});
