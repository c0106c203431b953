import { describe, expect, it } from 'vitest';
import { laneNeighbour, neighbour, pan, zoom } from '../../../../renderer/lib/timeline/timelineModel';
import { barsIn, timelineModel } from './timelineOracle';
import type { ConsumerConfig, Trace } from '../../../../src/engine/types';
import { flashSale } from '../compare/flashSale';

const trace = {
  run: 'r',
  decisions: [
    { inputId: 'c1', kind: 'command', commandIds: ['c1'], type: 'PlaceOrder', worker: 0, arrivedAt: 0, startedAt: 0, endedAt: 10, stateVersion: 0, lag: 0, accepted: true, rejections: [], eventSeqs: [1] },
    { inputId: 'c2', kind: 'command', commandIds: ['c2'], type: 'PlaceOrder', worker: 1, arrivedAt: 0, startedAt: 0, endedAt: 10, stateVersion: 0, lag: 0, accepted: false, rejections: [{ commandId: 'c2', rejection: { code: 'x', message: 'x' } }], eventSeqs: [] },
  ],
  log: [{ seq: 1, id: 'e1', type: 'OrderPlaced', data: {}, stream: 's', causationId: 'c1', correlationId: 'c1', at: 0, appendedAt: 10 }],
  attempts: [
    { consumer: 'mail', eventSeq: 1, attempt: 1, worker: 0, start: 10, end: 15, outcome: 'failed' },
    { consumer: 'mail', eventSeq: 1, attempt: 2, worker: 0, start: 25, end: 30, outcome: 'parked' },
  ],
  history: [],
  queueDepth: [],
  workers: [],
  consumerQueueDepth: {},
  deadLetters: { mail: [1] },
  outputs: {},
} as unknown as Trace;

describe('timelineModel', () => {
  it('has a lane per worker and consumer, a bar per decision and attempt', () => {
    const m = timelineModel(trace, [{ name: 'mail', downtime: [{ from: 12, to: 20 }] } as unknown as ConsumerConfig]);
    expect(m.lanes.map((l) => l.label)).toEqual(['worker 0', 'worker 1', 'mail']);
    expect(m.bars.map((b) => [b.lane, b.outcome])).toEqual([[0, 'accepted'], [1, 'rejected'], [2, 'failed'], [2, 'parked']]);
    expect(m.bars[1].target).toEqual({ kind: 'command', id: 'c2' });
    expect(m.bars[3]).toMatchObject({ target: { kind: 'event', seq: 1, id: 'e1' }, attempt: 2, label: 'mail #1 try 2' });
    expect(m.downtime).toEqual([{ lanes: [2], from: 12, to: 20 }]);
    expect(m.end).toBe(30);
  });

  it('covers every decision of a real run', () => {
    const t = flashSale().traces[1];
    const m = timelineModel(t);
    expect(m.bars.length).toBe(t.decisions.length + t.attempts.length);
    expect(m.lanes.filter((l) => l.kind === 'worker').length).toBe(new Set(t.decisions.map((d) => d.worker)).size);
  });

  it('zooms around a point and pans inside the run', () => {
    expect(zoom({ from: 0, to: 100 }, 0.5, 50, 100)).toEqual({ from: 25, to: 75 });
    expect(zoom({ from: 0, to: 100 }, 4, 50, 100)).toEqual({ from: 0, to: 100 });
    expect(pan({ from: 25, to: 75 }, 100, 100)).toEqual({ from: 50, to: 100 });
    expect(pan({ from: 25, to: 75 }, -100, 100)).toEqual({ from: 0, to: 50 });
  });

  it('finds bars in view and keyboard neighbours', () => {
    const m = timelineModel(trace);
    expect(barsIn(m.bars, { from: 20, to: 40 }).map((b) => b.key)).toEqual(['a1']);
    expect(neighbour(m.bars, 'a0', 1)?.key).toBe('a1');
    expect(neighbour(m.bars, 'a0', -1)?.key).toBe('a0');
    expect(laneNeighbour(m.bars, 'd0', 1, m.lanes.length)?.key).toBe('d1');
    expect(neighbour(m.bars, undefined, 1)?.key).toBe('d0');
  });
});
