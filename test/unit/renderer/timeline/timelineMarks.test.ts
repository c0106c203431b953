/** The timeline marks where an invariant broke, as the graph does, and says how many workers took a command: the flash sale's 8 workers, read through the run reader. */
import { describe, expect, it } from 'vitest';
import { TraceReader } from '../../../../renderer/lib/reader/traceReader';
import { workersNote } from '../../../../renderer/lib/timeline/timelineMarks';
import { flashSale, flashSaleScenario } from '../compare/flashSale';

const result = flashSale();
const reader = new TraceReader(result, flashSaleScenario());
const eight = result.report.runs.findIndex((r) => r.name === '8 workers');

describe("a run's timeline marks", () => {
  it('the decision whose event broke stock-non-negative, on its worker\'s lane, and the state store\'s enactment of that event, on its lane', async () => {
    const frame = await reader.timelineFrame(eight);
    const violation = result.report.runs[eight].violations[0];
    expect(frame.marks?.map((m) => ({ lane: frame.lanes[m.bar.lane].label, node: m.bar.node, end: m.bar.end, invariants: m.invariants }))).toEqual([
      { lane: 'worker 0', node: 'cmd:c101', end: 210, invariants: ['stock-non-negative'] },
      { lane: 'state', node: `act:state:${violation.eventSeq}`, end: violation.atMs, invariants: ['stock-non-negative'] },
    ]);
  });

  it('nothing in a run that broke nothing', async () => {
    expect(await reader.timelineFrame(0)).not.toHaveProperty('marks');
  });

  it('the decision only when the state store is not known (a stored result without its scenario)', async () => {
    const frame = await new TraceReader(result, undefined).timelineFrame(eight);
    expect(frame.marks?.map((m) => m.bar.node)).toEqual(['cmd:c101']);
  });
});

describe("a run's workers beside its lanes", () => {
  it('8 workers alive (Metrics\' Max workers), 5 of them took a command: a lane each, and the 3 idle said', async () => {
    const frame = await reader.timelineFrame(eight);
    expect(frame.workers).toEqual({ alive: 8, busy: 5 });
    expect(frame.lanes.filter((l) => l.kind === 'worker')).toHaveLength(5);
    expect(workersNote(frame.workers!)).toBe('8 decision workers: 5 took a command (a lane each), 3 stayed idle.');
  });

  it('nothing to say when every worker took a command', async () => {
    const frame = await reader.timelineFrame(0);
    expect(frame.workers).toEqual({ alive: 1, busy: 1 });
    expect(workersNote(frame.workers!)).toBeUndefined();
  });
});
