import { describe, expect, it } from 'vitest';
import { causationGraph } from '../../../../renderer/lib/graph/causationGraph';
import { edgeName, nodeName } from '../../../../renderer/lib/graph/nodeName';
import { recordsOf, smallInputs, smallTrace } from './fixtures';

describe('nodeName', () => {
  const g = causationGraph(recordsOf(smallTrace(), smallInputs()));
  const name = (id: string) => nodeName(g.nodes.find((n) => n.id === id)!);

  it('names each kind of node in words, with its command id or event seq and its outcome', () => {
    expect(name('cmd:c1')).toBe('Command AddProfile c1, accepted');
    expect(name('cmd:c3')).toBe('Command AddGalleryImage c3, rejected');
    expect(name('rej:c3')).toMatch(/^Rejection duplicate-image of command c3: /);
    expect(name('ev:2')).toMatch(/^Event GalleryImageAdded #2 on \S+$/);
    expect(name('act:state:1')).toMatch(/^Consumer state on event #1: enacted/);
    expect(name('batch:b1')).toMatch(/^Batch b1, accepted, /);
  });

  it('never reads out an internal node id or a middle dot', () => {
    for (const n of g.nodes) {
      expect(nodeName(n)).not.toMatch(/\b(cmd|ev|rej|act|batch):/);
      expect(nodeName(n)).not.toContain('·');
    }
  });

  it('names a cause outside the view, a group, and a log record (whose ids are its own)', () => {
    expect(nodeName({ id: 'cmd:s9', kind: 'command', label: 's9', sub: 'cause outside this view', outcome: 'accepted', t: 0, flow: 'x', outside: true })).toBe('Command s9, its cause outside this view');
    expect(nodeName({ id: 'group:1', kind: 'group', label: 'PlaceOrder ×40', sub: 'command · 12 rejected', outcome: 'accepted', t: 0, flow: 'PlaceOrder', count: 40 })).toBe('Group PlaceOrder ×40, command, 12 rejected');
    expect(nodeName({ id: '0b5e-11', kind: 'event', label: 'OrderPlaced', sub: 'order-1 @3', outcome: 'event', t: 0, flow: 'OrderPlaced' })).toBe('Event OrderPlaced, order-1 @3');
  });

  it('names an edge by its two ends in words, never by internal ids, with a group edge\'s count', () => {
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    for (const e of g.edges) expect(edgeName(byId.get(e.source), byId.get(e.target), e.count)).not.toMatch(/\b(cmd|ev|rej|act|batch|group):|->/);
    expect(edgeName(byId.get('cmd:c1'), byId.get('ev:1'))).toMatch(/^AddProfile c1 caused \S+ #1$/);
    expect(edgeName(byId.get('ev:1'), byId.get('act:state:1'))).toMatch(/^\S+ #1 was handled by consumer state on #1$/);
    const group = (label: string) => ({ id: `group:command|${label}`, kind: 'group' as const, label, sub: '', outcome: 'accepted' as const, t: 0, flow: label, count: 3 });
    expect(edgeName(group('RestockItem'), group('ItemRestocked'), 3)).toBe('group RestockItem caused group ItemRestocked, 3 times');
  });
});
