import { describe, expect, it } from 'vitest';
import { causationGraph } from '../../../../renderer/lib/graph/causationGraph';
import { layoutGraph } from '../../../../renderer/lib/graph/layoutGraph';
import { nodeName } from '../../../../renderer/lib/graph/nodeName';
import type { CausalRecord } from '../../../../renderer/lib/reader/graphSource';
import { recordsOf, smallInputs, smallTrace } from './fixtures';

describe('causationGraph', () => {
  it('draws batches as groups of their commands, with events, rejections and enactments linked by causation', () => {
    const g = causationGraph(recordsOf(smallTrace(), smallInputs()));
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(byId.get('batch:b1')).toMatchObject({ kind: 'batch', outcome: 'accepted' });
    expect(byId.get('cmd:c1')).toMatchObject({ kind: 'command', label: 'AddProfile', parent: 'batch:b1', outcome: 'accepted' });
    expect(byId.get('cmd:c3')).toMatchObject({ label: 'AddGalleryImage', outcome: 'rejected' });
    expect(byId.get('rej:c3')).toMatchObject({ kind: 'rejection', label: 'duplicate-image' });
    expect(byId.get('ev:2')).toMatchObject({ kind: 'event', label: 'GalleryImageAdded', flow: 'AddGalleryImage' });
    expect(byId.get('act:state:1')).toMatchObject({ kind: 'enactment', outcome: 'enacted' });
    expect(g.edges.map((e) => `${e.source}->${e.target}`).sort()).toEqual(
      ['cmd:c1->ev:1', 'cmd:c2->ev:2', 'cmd:c3->rej:c3', 'ev:1->act:state:1', 'ev:2->act:state:2'].sort(),
    );
    // Parents come before their children (what the flow component needs).
    expect(g.nodes.findIndex((n) => n.id === 'batch:b1')).toBeLessThan(g.nodes.findIndex((n) => n.id === 'cmd:c1'));
  });

  it('adds a node for a setup command that has events but no decision record', () => {
    const t = smallTrace();
    const records = recordsOf({ ...t, log: [...t.log, { ...t.log[0], seq: 3, causationId: 's1' as never }] });
    expect(causationGraph(records).nodes.find((n) => n.id === 'cmd:s1')).toMatchObject({ label: 'setup', sub: 's1 · setup' });
  });

  it('draws a nested batch as its own group inside its parent batch', () => {
    const t = smallTrace();
    const inputs = smallInputs();
    const [outer] = inputs.arrivals;
    const batch = outer.input as Extract<typeof outer.input, { kind: 'batch' }>;
    const nested = { ...inputs, arrivals: [{ input: { ...batch, items: [batch.items[0], { kind: 'batch' as const, id: 'b2', mode: 'all-or-nothing' as const, items: [batch.items[1]] }] } }, inputs.arrivals[1]] };
    const g = causationGraph(recordsOf(t, nested));
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(byId.get('batch:b2')).toMatchObject({ kind: 'batch', parent: 'batch:b1', outcome: 'accepted' });
    expect(byId.get('cmd:c2')).toMatchObject({ parent: 'batch:b2' });
    const boxes = layoutGraph(g);
    const inner = boxes.get('batch:b2')!;
    const outerBox = boxes.get('batch:b1')!;
    // the inner box lies inside the outer one (positions are parent-relative)
    expect(inner.x).toBeGreaterThanOrEqual(0);
    expect(inner.x + inner.width).toBeLessThanOrEqual(outerBox.width);
    expect(inner.y + inner.height).toBeLessThanOrEqual(outerBox.height);
  });

  it("draws a cause outside the records once, as a placeholder (a log's orphan causation id)", () => {
    const records: CausalRecord[] = [
      { id: 'e1', kind: 'event', type: 'OrderPlaced', sub: '', time: 1, outcome: 'event', causationId: 'cmd-9', flow: 'OrderPlaced' },
      { id: 'e2', kind: 'event', type: 'OrderPaid', sub: '', time: 2, outcome: 'event', causationId: 'cmd-9', flow: 'OrderPaid' },
      { id: 'e3', kind: 'event', type: 'OrderShipped', sub: '', time: 3, outcome: 'event', causationId: 'e2', flow: 'OrderShipped' },
    ];
    const g = causationGraph(records);
    expect(g.nodes.filter((n) => n.outside).map((n) => n.id)).toEqual(['cmd-9']);
    expect(g.edges.map((e) => e.id)).toEqual(['cmd-9->e1', 'cmd-9->e2', 'e2->e3']);
  });

  it("draws a log's cause as a cause, dashed and said to be not in the log when the source says so; a run's command as a command", () => {
    const records: CausalRecord[] = [
      { id: 'e1', kind: 'event', type: 'OrderPlaced', sub: '', time: 1, outcome: 'event', causationId: 'http-878c317', flow: 'OrderPlaced' },
      { id: 'e2', kind: 'event', type: 'OrderPaid', sub: '', time: 2, outcome: 'event', causationId: 'e0', flow: 'OrderPaid' },
      { id: 'ev:3', kind: 'event', type: 'Run', sub: '', time: 3, outcome: 'event', causationId: 'cmd:c5', flow: 'Run' },
    ];
    const byId = new Map(causationGraph(records, new Set(['http-878c317'])).nodes.map((n) => [n.id, n]));
    expect(byId.get('http-878c317')).toMatchObject({ kind: 'cause', label: 'http-878c317', sub: 'not in this log', outside: true, missing: true });
    expect(nodeName(byId.get('http-878c317')!)).toBe('Cause http-878c317, not in this log');
    expect(byId.get('e0')).toMatchObject({ kind: 'cause', sub: 'cause outside this view', outside: true });
    expect(byId.get('e0')).not.toHaveProperty('missing');
    expect(nodeName(byId.get('e0')!)).toBe('Cause e0, outside this view');
    expect(byId.get('cmd:c5')).toMatchObject({ kind: 'command', label: 'c5', outside: true });
    expect(nodeName(byId.get('cmd:c5')!)).toBe('Command c5, its cause outside this view');
  });
});
