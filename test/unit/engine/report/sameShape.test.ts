/** Lines of one shape said once: groups in the order first met, streams in natural order, the first few named, an invariant every run breaks found. */
import { describe, expect, it } from 'vitest';
import { brokenByEveryRun, everyRunBreaksText, groupBy, groupStreams, namesText, naturalPathOrder } from '../../../../src/engine/report/sameShape';

const violation = (invariant: string) => ({ invariant, atMs: 0, eventSeq: 1, message: '' });

describe('sameShape', () => {
  it('groups by key in the order first met, members in the order given', () => {
    expect(groupBy(['a1', 'b1', 'a2', 'c1', 'b2'], (s) => s[0])).toEqual([
      { key: 'a', members: ['a1', 'a2'] },
      { key: 'b', members: ['b1', 'b2'] },
      { key: 'c', members: ['c1'] },
    ]);
  });

  it('groups items of one shape on many streams with their streams in natural order (c-2 before c-10)', () => {
    const rows = ['c-10', 'c-1', 'c-2', 'c-11'].map((stream) => ({ stream, field: 'tee' })).concat([{ stream: 'c-3', field: 'mug' }]);
    const groups = groupStreams(rows, (r) => r.stream, (r) => r.field);
    expect(groups.map((g) => [g.key, g.members.map((m) => m.stream)])).toEqual([
      ['tee', ['c-1', 'c-2', 'c-10', 'c-11']],
      ['mug', ['c-3']],
    ]);
    expect([['s-10', 'x'], ['s-9', 'y'], ['s-9', 'x']].sort(naturalPathOrder)).toEqual([['s-9', 'x'], ['s-9', 'y'], ['s-10', 'x']]);
  });

  it('names the first few and counts the rest', () => {
    expect(namesText([])).toBe('');
    expect(namesText(['c-1'])).toBe('c-1');
    expect(namesText(['c-1', 'c-2'])).toBe('c-1 and c-2');
    expect(namesText(['c-1', 'c-2', 'c-3'])).toBe('c-1, c-2 and c-3');
    expect(namesText(['c-1', 'c-2', 'c-3', 'c-4', 'c-5'])).toBe('c-1, c-2, c-3 and 2 more');
    expect(namesText(['c-1', 'c-2', 'c-3'], 1)).toBe('c-1 and 2 more');
  });

  it('finds the invariants every one of two or more runs broke: the rule, not the scheduling', () => {
    const runs = [{ violations: [violation('a'), violation('b')] }, { violations: [violation('b'), violation('c')] }, { violations: [violation('b'), violation('a')] }];
    expect(brokenByEveryRun(runs)).toEqual(['b']);
    expect(brokenByEveryRun([runs[0]])).toEqual([]);
    expect(brokenByEveryRun([runs[0], { violations: [] }])).toEqual([]);
    expect(everyRunBreaksText(['a', 'b'])).toBe('every run breaks a and b: the rule itself, not the scheduling');
  });
});
