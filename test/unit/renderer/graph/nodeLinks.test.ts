import { describe, expect, it } from 'vitest';
import { causationGraph } from '../../../../renderer/lib/graph/causationGraph';
import { nodeLinks } from '../../../../renderer/lib/graph/nodeLinks';
import type { CausalRecord } from '../../../../renderer/lib/reader/graphSource';

const rec = (id: string, time: number, more: Partial<CausalRecord> = {}): CausalRecord => ({ id, kind: 'event', type: 'T', sub: '', time, outcome: 'event', flow: 'T', ...more });

describe('nodeLinks', () => {
  // a run: command c1 (no correlation id) → ev:1 → its consumer; command c5 (a reaction) → ev:2, of flow c1; ev:3 of c9, its command outside the view
  const run = [
    rec('cmd:c1', 0, { kind: 'command', outcome: 'accepted' }),
    rec('ev:1', 1, { causationId: 'cmd:c1', correlationId: 'c1' }),
    rec('act:state:1', 2, { kind: 'enactment', outcome: 'enacted', causationId: 'ev:1' }),
    rec('cmd:c5', 3, { kind: 'command', outcome: 'accepted' }),
    rec('ev:2', 4, { causationId: 'cmd:c5', correlationId: 'c1' }),
    rec('ev:3', 5, { causationId: 'cmd:c9', correlationId: 'c9' }),
  ];
  const nodes = causationGraph(run).nodes;

  it("leads from a run's event to the command its causation names and to the command that started its flow", () => {
    const links = nodeLinks(run, nodes, 'ev:2', { causation: 'c5', correlation: 'c1' });
    expect(links.cause?.id).toBe('cmd:c5');
    expect(links.flowStart?.id).toBe('cmd:c1');
  });

  it("leads from a consumer, whose details are its event's, to the command the event's causation names", () => {
    expect(nodeLinks(run, nodes, 'act:state:1', { causation: 'c1', correlation: 'c1' })).toEqual({ cause: expect.objectContaining({ id: 'cmd:c1' }), flowStart: expect.objectContaining({ id: 'cmd:c1' }) });
  });

  it('leads to a cause outside the view (its placeholder); a flow whose first node shown is the node itself leads nowhere', () => {
    const links = nodeLinks(run, nodes, 'ev:3', { causation: 'c9', correlation: 'c9' });
    expect(links.cause).toMatchObject({ id: 'cmd:c9', outside: true });
    expect(links.flowStart).toBeUndefined();
  });

  it("follows a log's ids as they are, stops at a cause of another flow, and leads nowhere from what it cannot find", () => {
    const log = [rec('a', 0, { correlationId: 'x' }), rec('b', 1, { causationId: 'a', correlationId: 'y' }), rec('c', 2, { causationId: 'b', correlationId: 'y' })];
    const g = causationGraph(log).nodes;
    expect(nodeLinks(log, g, 'c', { causation: 'b', correlation: 'y' })).toEqual({ cause: expect.objectContaining({ id: 'b' }), flowStart: expect.objectContaining({ id: 'b' }) });
    expect(nodeLinks(log, g, 'c', { causation: 'elsewhere', correlation: 'nope' })).toEqual({});
    expect(nodeLinks(log, g, 'zz', {})).toEqual({});
  });
});
