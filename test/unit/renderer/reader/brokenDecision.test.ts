/** "Where it broke": the decision behind a run's first violation, read through the run reader (the flash sale's 8 workers oversell). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../../../src/engine';
import { TraceReader } from '../../../../renderer/lib/reader/traceReader';

const parsed = parseScenario(readFileSync(new URL('../../../../samples/scenarios/flash-sale.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const result = runScenario(parsed.scenario, { trace: true });
const eight = result.report.runs.findIndex((r) => r.name === '8 workers');
const tee = (stock: number) => ({ sku: 'tee', stock, warehouse: 'main' });

describe('the decision behind the first violation', () => {
  it("is the command whose event broke the invariant: what it read, the events it decided, the stream before and after, the invariant's message then and at the end", async () => {
    const violation = result.report.runs[eight].violations[0];
    const event = result.traces[eight].log.find((e) => e.seq === violation.eventSeq)!;
    const broke = await new TraceReader(result, parsed.scenario).brokenDecision(eight);
    expect(broke).toMatchObject({
      invariant: 'stock-non-negative',
      message: 'stock of tee@main is -1',
      atMs: violation.atMs,
      stream: 'stock:tee@main',
      eventSeq: violation.eventSeq,
      command: { id: event.causationId, type: 'PlaceOrder', data: { orderId: 'o-101', customerId: 'u-101', sku: 'tee', qty: 1, warehouse: 'main' } },
      decision: { worker: 0, startedAt: 200, endedAt: 210, stale: true },
      // it read 4 in stock, other workers' reservations came first: 0 when its own was enacted
      read: { aggregate: tee(4) },
      before: tee(0),
      after: tee(-1),
      atEnd: 'stock of tee@main is -4',
    });
    expect(broke!.events.map((e) => `#${e.seq} ${e.type} ${e.stream}`)).toEqual(['#202 OrderPlaced order:o-101', '#203 StockReserved stock:tee@main']);
  });

  it('is none for a run that broke nothing', async () => {
    expect(await new TraceReader(result, parsed.scenario).brokenDecision(0)).toBeUndefined();
  });

  it('names the command without its data or what it read when the scenario is not known (a stored result without it)', async () => {
    const broke = await new TraceReader(result, undefined).brokenDecision(eight);
    expect(broke).toMatchObject({ command: { id: 'c101', type: 'PlaceOrder' }, before: tee(0), after: tee(-1), atEnd: 'stock of tee@main is -4' });
    expect(broke).not.toHaveProperty('read');
    expect(broke!.command).not.toHaveProperty('data');
  });
});

describe("the graph's node details of what broke an invariant", () => {
  const reader = new TraceReader(result, parsed.scenario);
  const violation = result.report.runs[eight].violations[0];
  const event = result.traces[eight].log.find((e) => e.seq === violation.eventSeq)!;

  it('give the event that broke it and the command that decided it the decision behind it: what it read, the stream before and after, its read stale', async () => {
    for (const id of [`ev:${event.seq}`, `cmd:${event.causationId}`]) {
      const detail = await reader.nodeDetail(eight, id);
      expect(detail?.broke).toHaveLength(1);
      expect(detail!.broke![0]).toMatchObject({ eventSeq: event.seq, read: { aggregate: tee(4) }, before: tee(0), after: tee(-1), decision: { stale: true } });
    }
    // the command's facts say why its read was stale
    const facts = new Map((await reader.nodeDetail(eight, `cmd:${event.causationId}`))!.facts);
    expect(facts.get('state version read')).toMatch(/^\d+ \(stale: another decision changed a stream it read before it ended\)$/);
  });

  it('give nothing of the kind for a node that broke nothing, nor in a run that broke nothing', async () => {
    expect(await reader.nodeDetail(eight, `ev:${event.seq - 1}`)).not.toHaveProperty('broke');
    expect(await reader.nodeDetail(eight, `act:state:${event.seq}`)).not.toHaveProperty('broke');
    expect(await reader.nodeDetail(0, `cmd:${event.causationId}`)).not.toHaveProperty('broke');
  });
});
