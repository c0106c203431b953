/**
 * The causation graph's layout keeps recording order: the effects of one cause read top to
 * bottom in the order they were recorded, and no sample's graph pays for it with crossed edges.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnyDomainModule } from '../../../../domain/kernel';
import { causationGraph, type CausationGraph } from '../../../../renderer/lib/graph/causationGraph';
import { collapseRepeats } from '../../../../renderer/lib/graph/collapseRepeats';
import { layoutGraph, type NodeBox } from '../../../../renderer/lib/graph/layoutGraph';
import type { CausalRecord } from '../../../../renderer/lib/reader/graphSource';
import { TraceGraph } from '../../../../renderer/lib/reader/traceGraph';
import { TraceIndex } from '../../../../renderer/lib/reader/traceIndex';
import { runServices } from '../../../../src/cli/simulatedRun';
import { domainFor, toDomainModule } from '../../../../src/engine/module/bundled';
import { runScenario } from '../../../../src/engine/run';
import { expandScenario } from '../../../../src/engine/scenario/expand';
import { parseScenario } from '../../../../src/engine/scenario/parse';
import type { Trace } from '../../../../src/engine/types';
import bank from '../../../../samples/domains/bank';

/** Absolute boxes (layoutGraph gives a batch's children relative to their batch). */
function absolute(graph: CausationGraph, boxes: ReadonlyMap<string, NodeBox>): Map<string, NodeBox> {
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent]));
  const at = (id: string): NodeBox => {
    const box = boxes.get(id)!;
    const parent = parentOf.get(id);
    if (!parent) return box;
    const p = at(parent);
    return { ...box, x: box.x + p.x, y: box.y + p.y };
  };
  return new Map(graph.nodes.map((n) => [n.id, at(n.id)]));
}

/** Pairs of consecutive effects of one cause (graph order) drawn in one column with the later one above. */
function effectsOutOfOrder(graph: CausationGraph, boxes: ReadonlyMap<string, NodeBox>): string[] {
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const effects = new Map<string, string[]>();
  for (const e of graph.edges) effects.set(e.source, [...(effects.get(e.source) ?? []), e.target]);
  const out: string[] = [];
  for (const list of effects.values()) {
    const sorted = [...list].sort((a, b) => order.get(a)! - order.get(b)!);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const [a, b] = [boxes.get(sorted[i])!, boxes.get(sorted[i + 1])!];
      if (Math.abs(a.x - b.x) < 1 && a.y > b.y) out.push(`${sorted[i + 1]} above ${sorted[i]}`);
    }
  }
  return out;
}

/** Pairs of edges between the same two columns that cross. */
function crossings(graph: CausationGraph, boxes: ReadonlyMap<string, NodeBox>): string[] {
  const mid = (id: string) => ({ x: boxes.get(id)!.x, y: boxes.get(id)!.y + boxes.get(id)!.height / 2 });
  const ends = graph.edges.map((e) => ({ id: e.id, from: mid(e.source), to: mid(e.target) }));
  const out: string[] = [];
  for (let i = 0; i < ends.length; i++)
    for (let j = i + 1; j < ends.length; j++) {
      const [a, b] = [ends[i], ends[j]];
      if (Math.abs(a.from.x - b.from.x) >= 1 || Math.abs(a.to.x - b.to.x) >= 1) continue;
      if ((a.from.y - b.from.y) * (a.to.y - b.to.y) < 0) out.push(`${a.id} × ${b.id}`);
    }
  return out;
}

/** The first run of each bundled sample scenario (samples/scenarios), traced, with its scenario (whose inputs draw its batches). */
async function sampleFirstRuns(): Promise<{ name: string; trace: Trace; scenario: ReturnType<typeof parsedSample> }[]> {
  const dir = 'samples/scenarios';
  return Promise.all(
    readdirSync(dir).map(async (file) => {
      const scenario = parsedSample(`${dir}/${file}`);
      const runs = [scenario.runs[0].name];
      const { traces } = runScenario(scenario, { runs, services: await runServices(scenario.runs.slice(0, 1)) });
      return { name: file, trace: traces[0], scenario };
    }),
  );
}

/** A sample scenario, parsed against its bundled domain. */
function parsedSample(file: string) {
  const parsed = parseScenario(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/** A Transfer decided into TransferSent then TransferReceived, each enacted by `state`: the bank's shape. */
const transfer: CausalRecord[] = [
  { id: 'cmd:c1', kind: 'command', type: 'Transfer', sub: '', time: 5, outcome: 'accepted', flow: 'Transfer' },
  { id: 'ev:1', kind: 'event', type: 'TransferSent', sub: '', time: 5, outcome: 'event', causationId: 'cmd:c1', flow: 'Transfer' },
  { id: 'act:state:1', kind: 'enactment', type: 'state', sub: '', time: 5, outcome: 'enacted', causationId: 'ev:1', flow: 'Transfer' },
  { id: 'ev:2', kind: 'event', type: 'TransferReceived', sub: '', time: 5, outcome: 'event', causationId: 'cmd:c1', flow: 'Transfer' },
  { id: 'act:state:2', kind: 'enactment', type: 'state', sub: '', time: 5, outcome: 'enacted', causationId: 'ev:2', flow: 'Transfer' },
];

describe('layoutGraph keeps recording order', () => {
  it('draws the effects of one cause top to bottom in the order they were recorded, each right of its cause', () => {
    const boxes = layoutGraph(causationGraph(transfer));
    const at = (id: string) => boxes.get(id)!;
    expect(at('ev:1').y).toBeLessThan(at('ev:2').y);
    expect(at('act:state:1').y).toBeLessThan(at('act:state:2').y);
    expect(at('ev:1').x).toBeGreaterThan(at('cmd:c1').x);
    expect(at('act:state:1').x).toBeGreaterThan(at('ev:1').x);
  });

  it('every bundled sample: the effects of one cause in recording order, and no two edges crossing (batches and their effects included)', async () => {
    const samples = await sampleFirstRuns();
    expect(samples.length).toBeGreaterThanOrEqual(10);
    for (const { name, trace, scenario } of samples) {
      const inputs = expandScenario(scenario, domainFor(scenario));
      // a window of about 400 records, as the view asks for, drawn whole and with repeats collapsed
      const records = new TraceGraph(new TraceIndex(trace, () => inputs)).window(undefined, 400).records;
      for (const graph of [causationGraph(records), collapseRepeats(causationGraph(records))]) {
        const boxes = absolute(graph, layoutGraph(graph));
        expect(effectsOutOfOrder(graph, boxes), name).toEqual([]);
        expect(crossings(graph, boxes), name).toEqual([]);
      }
    }
  });

  it("the bank sample: every run's TransferReceived is drawn below the TransferSent its transfer recorded first, whole or with repeats collapsed", () => {
    const domain = toDomainModule(bank as object) as AnyDomainModule;
    const parsed = parseScenario(readFileSync('samples/domains/bank.scenario.json', 'utf8'), 'bank.scenario.json', { domain });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { traces } = runScenario(parsed.scenario, { domain });
    expect(traces).toHaveLength(4);
    for (const trace of traces) {
      const records = new TraceGraph(new TraceIndex(trace, () => undefined)).window(undefined, Number.MAX_SAFE_INTEGER).records;
      for (const graph of [causationGraph(records), collapseRepeats(causationGraph(records))]) {
        const boxes = absolute(graph, layoutGraph(graph));
        const causeOf = new Map(graph.edges.map((e) => [e.target, e.source]));
        const sent = graph.nodes.filter((n) => n.label === 'TransferSent');
        expect(sent.length).toBeGreaterThan(0);
        for (const s of sent) {
          const received = graph.nodes.find((n) => n.label === 'TransferReceived' && causeOf.get(n.id) === causeOf.get(s.id))!;
          expect(boxes.get(received.id)!.y, `${trace.run}: ${received.id} below ${s.id}`).toBeGreaterThan(boxes.get(s.id)!.y);
        }
      }
    }
  });
});
