import { describe, expect, it } from 'vitest';
import { causationGraph } from '../../../../renderer/lib/graph/causationGraph';
import { smallTrace } from './fixtures';

describe('causationGraph', () => {
  it('draws batches as groups of their commands, with events, rejections and enactments linked by causation', () => {
    const g = causationGraph(smallTrace(), new Map([['c1', 'AddProfile'], ['c2', 'AddGalleryImage']]));
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(byId.get('batch:b1')).toMatchObject({ kind: 'batch', outcome: 'accepted' });
    expect(byId.get('cmd:c1')).toMatchObject({ kind: 'command', label: 'AddProfile', parent: 'batch:b1', outcome: 'accepted' });
    expect(byId.get('cmd:c3')).toMatchObject({ label: 'AddGalleryImage', outcome: 'rejected' });
    expect(byId.get('rej:c3')).toMatchObject({ kind: 'rejection', label: 'duplicate-image' });
    expect(byId.get('ev:2')).toMatchObject({ kind: 'event', label: 'GalleryImageAdded', commandType: 'AddGalleryImage', eventSeq: 2 });
    expect(byId.get('act:state:1')).toMatchObject({ kind: 'enactment', outcome: 'enacted' });
    expect(g.edges.map((e) => `${e.source}->${e.target}`).sort()).toEqual(
      ['cmd:c1->ev:1', 'cmd:c2->ev:2', 'cmd:c3->rej:c3', 'ev:1->act:state:1', 'ev:2->act:state:2'].sort(),
    );
    // Parents come before their children (what the flow component needs).
    expect(g.nodes.findIndex((n) => n.id === 'batch:b1')).toBeLessThan(g.nodes.findIndex((n) => n.id === 'cmd:c1'));
  });

  it('adds a node for a setup command that has events but no decision record', () => {
    const t = smallTrace();
    const g = causationGraph({ ...t, log: [...t.log, { ...t.log[0], seq: 3, causationId: 's1' as never }] }, new Map([['s1', 'RestockItem']]));
    expect(g.nodes.find((n) => n.id === 'cmd:s1')).toMatchObject({ label: 'RestockItem', sub: 's1 · setup' });
  });
});
