/**
 * The RunReader contract, checked once against a small run and a 200,000-arrival run with the
 * same queries: every answer equals what the full trace says (no view may see a cut or sampled
 * run), and the timeline's overview equals the run's real per-worker utilization.
 */
import { describe, expect, it } from 'vitest';
import { aggregateBefore, parseScenario, runScenario, stateAt } from '../../../../src/engine';
import type { RunResult, Scenario } from '../../../../src/engine';
import { nodeIds } from '../../../../renderer/lib/graph/nodeIds';
import { TraceReader } from '../../../../renderer/lib/reader/traceReader';
import { barsIn, timelineModel } from '../timeline/timelineOracle';

/** More orders than stock through a pool of 4 (an oversell that stays), a notifier that fails and parks. */
function flashSale(orders: number): { scenario: Scenario; result: RunResult } {
  const parsed = parseScenario(
    JSON.stringify({
      format: 'purestream/scenario@1',
      name: `flash sale of ${orders}`,
      domain: 'commerce',
      seed: 1,
      setup: [{ type: 'RestockItem', data: { sku: 'tee', qty: Math.floor(orders / 2) } }],
      commands: [{ repeat: orders, every: 1, template: { type: 'PlaceOrder', data: { orderId: 'o-{n}', customerId: 'u-{n}', sku: 'tee', qty: 1 } } }],
      runs: [
        {
          name: 'pool of 4',
          scheduler: { kind: 'pool', workers: 4 },
          serviceMs: 4,
          consumers: [
            { name: 'state', interpreter: 'state-store' },
            { name: 'toString', interpreter: 'notifier', failureRate: 0.1, retry: { max: 1, backoffMs: 2 } },
          ],
        },
      ],
    }),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { scenario: parsed.scenario, result: runScenario(parsed.scenario, { trace: true }) };
}

describe.each([
  ['a small run', 600],
  ['a 200,000-arrival run', 200_000],
])('RunReader over %s', (_, orders) => {
  const { scenario, result } = flashSale(orders);
  const trace = result.traces[0];
  const reader = new TraceReader(result, scenario);
  const last = trace.history.length - 1;
  const steps = [-1, 0, 1, Math.floor(last / 3), Math.floor(last / 2), last - 1, last];

  it('overviews the whole run: sizes, every violation step, and the steps where a stream stays broken', async () => {
    const { report, runs } = await reader.result();
    expect(report).toBe(result.report);
    expect(runs[0]).toMatchObject({ name: 'pool of 4', decisions: trace.decisions.length, log: trace.log.length, attempts: trace.attempts.length, history: trace.history.length });
    expect(runs[0].violationSteps).toEqual(trace.history.flatMap((h, i) => (h.violations?.length ? [i] : [])));
    // the stock goes negative once and stays so: one broken range, from that step to the end
    const first = runs[0].violationSteps[0];
    expect(runs[0].broken).toEqual([{ from: first, to: last, what: ['stock-non-negative (stock:tee@main)'] }]);
    // still broken at the end: the final state's stream, with the invariant it breaks
    expect(runs[0].brokenAtEnd).toEqual([{ stream: 'stock:tee@main', invariants: ['stock-non-negative'] }]);
    expect(stateAt(trace, first - 1)['stock:tee@main']).toMatchObject({ stock: 0 });
  });

  it('gives the state at any step as the full trace has it, the step\'s stream first', async () => {
    for (const step of steps) {
      const h = await reader.historyState(0, step, 10);
      const full = stateAt(trace, step);
      expect(h.step).toBe(step);
      expect(h.streamCount).toBe(Object.keys(full).length);
      expect(Object.fromEntries(h.streams)).toEqual(Object.fromEntries(Object.entries(full).filter(([k]) => h.streams.some(([s]) => s === k))));
      if (step >= 0) {
        expect(h.entry).toEqual(trace.history[step]);
        expect(h.streams[0][0]).toBe(trace.history[step].stream);
        expect(h.event).toEqual(trace.log.find((e) => e.seq === trace.history[step].eventSeq));
        expect(h.before).toEqual(aggregateBefore(trace, step));
      }
    }
    expect((await reader.historyState(0, last, 10)).broken).toEqual(['stock-non-negative (stock:tee@main)']);
  });

  it('pages the whole log and finds the step of any node', async () => {
    for (const offset of [0, Math.floor(trace.log.length / 2), trace.log.length - 5]) {
      const page = await reader.logPage(0, offset, 100);
      expect(page).toEqual({ offset, items: trace.log.slice(offset, offset + 100), total: trace.log.length });
    }
    for (const step of steps.filter((s) => s >= 0)) {
      const h = trace.history[step];
      expect(await reader.stepOfNode(0, nodeIds.event(h.eventSeq))).toBe(step);
      const cause = trace.log.find((e) => e.seq === h.eventSeq)!.causationId;
      const firstOfCause = trace.log.find((e) => e.causationId === cause)!.seq;
      expect(await reader.stepOfNode(0, nodeIds.command(cause))).toBe(trace.history.findIndex((x) => x.eventSeq === firstOfCause));
    }
  });

  it('reads commands by id and counts every consumer attempt and dead letter (names are Map keys)', async () => {
    const ids = ['c1', `c${orders}`, 's1'];
    expect((await reader.commands(ids)).map((c) => c.id)).toEqual(ids);
    const consumers = await reader.consumers(0, 200);
    const mail = consumers.get('toString')!;
    const outcomes = new Map<string, number>();
    for (const a of trace.attempts) if (a.consumer === 'toString') outcomes.set(a.outcome, (outcomes.get(a.outcome) ?? 0) + 1);
    expect(mail.outcomes).toEqual(outcomes);
    const parked = (trace.deadLetters as Record<string, number[]>)['toString'];
    expect(mail.deadLetters).toBe(parked.length);
    expect(mail.deadLetterEntries.map((e) => e.seq)).toEqual(parked.slice(0, 200));
    expect(mail.tables[0]).toMatchObject({ name: '', total: ((trace.outputs as Record<string, unknown[]>)['toString']).length });
  });

  it('gives the bars of a zoomed-in window exactly, and past maxBars the real utilization of each lane', async () => {
    const frame = await reader.timelineFrame(0);
    const model = timelineModel(trace, scenario.runs[0].consumers);
    expect(frame.lanes).toEqual(model.lanes);
    expect(frame.end).toBe(model.end);
    const narrow = { from: frame.end / 2, to: frame.end / 2 + 40 };
    const window = await reader.timelineWindow(0, narrow, 4000, 100);
    const key = (x: { key: string }, y: { key: string }) => x.key.localeCompare(y.key);
    expect([...window.bars].sort(key)).toEqual(barsIn(model.bars, narrow).sort(key));
    // the whole run: an overview, equal to the busy time of each worker per bucket
    const buckets = 50;
    const whole = await reader.timelineWindow(0, { from: 0, to: frame.end }, 1000, buckets);
    expect(whole.bars).toEqual([]);
    expect(whole.total).toBe(model.bars.length);
    const activity = whole.activity!;
    const width = frame.end / buckets;
    for (let w = 0; w < 4; w++) {
      const lane = frame.lanes.findIndex((l) => l.label === `worker ${w}`);
      for (let b = 0; b < buckets; b++) {
        const lo = b * width;
        let busy = 0;
        for (const d of trace.decisions) if (d.worker === w) busy += Math.max(0, Math.min(d.endedAt, lo + width) - Math.max(d.startedAt, lo));
        expect(activity.busy[lane * buckets + b]).toBeCloseTo(Math.min(1, busy / width), 5);
      }
      // the four workers were busy all along: never one worker after another
      expect(Math.min(...Array.from(activity.busy.slice(lane * buckets + 1, lane * buckets + buckets - 1)))).toBeGreaterThan(0.9);
    }
  });

  it('gives the graph a window of whole decisions, earliest first, and the details of its nodes', async () => {
    const whole = await reader.graphWindow(0, undefined, 300);
    expect(whole.records.length).toBeGreaterThanOrEqual(300);
    expect(whole.records.length).toBeLessThan(320);
    expect(whole.inRange).toBe(whole.total);
    const later = await reader.graphWindow(0, { from: whole.range.to + 1e-6, to: whole.end }, 300);
    expect(later.records[0].time).toBeGreaterThan(whole.range.to);
    const ids = new Set(whole.records.map((r) => r.id));
    for (const r of whole.records) if (r.causationId && r.kind !== 'event') expect(ids.has(r.causationId)).toBe(true);
    const rejected = whole.records.find((r) => r.kind === 'rejection');
    const command = rejected ? await reader.nodeDetail(0, rejected.causationId!) : await reader.nodeDetail(0, nodeIds.command('c1'));
    expect(command?.facts.map(([k]) => k)).toContain('worker');
    expect(command?.payload).toMatchObject({ sku: 'tee' });
  });

  it("marks in the graph the event whose enactment broke an invariant and the command that decided it, with the report's message", async () => {
    const [v] = result.report.runs[0].violations;
    const e = trace.log.find((l) => l.seq === v.eventSeq)!;
    const win = await reader.graphWindow(0, { from: e.appendedAt, to: e.appendedAt }, 50);
    const marked = win.records.filter((r) => r.broke);
    expect(marked.map((r) => r.id).sort()).toEqual([nodeIds.command(e.causationId), nodeIds.event(e.seq)].sort());
    for (const r of marked) expect(r.broke).toEqual([{ invariant: 'stock-non-negative', stream: 'stock:tee@main', message: v.message, event: nodeIds.event(e.seq) }]);
  });

  it('exports the log as the command line does', async () => {
    const text = await reader.exportLog(0, 'events');
    const lines = text.trimEnd().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ format: 'purestream/events@1', domain: 'commerce', run: 'pool of 4' });
    expect(lines.filter((l) => l.includes('"seq"')).length).toBe(trace.log.length);
  });
});
