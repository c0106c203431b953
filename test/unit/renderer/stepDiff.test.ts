import { describe, expect, it } from 'vitest';
import { stepDiff } from '../../../renderer/lib/history/stepDiff';

describe('stepDiff', () => {
  it('lists replaced, added and removed fields with old and new values', () => {
    expect(stepDiff({ stock: 100, sku: 'tee' }, { stock: 99, sku: 'tee' })).toEqual([{ op: 'replace', path: '/stock', before: 100, after: 99 }]);
    expect(stepDiff({ gallery: [] }, { gallery: ['img-1'] })).toEqual([{ op: 'add', path: '/gallery/0', after: 'img-1' }]);
    expect(stepDiff({ a: 1, b: 2 }, { a: 1 })).toEqual([{ op: 'remove', path: '/b', before: 2 }]);
  });

  it('treats a new aggregate as one addition, and equal ones as no change', () => {
    expect(stepDiff(undefined, { stock: 1 })).toEqual([{ op: 'add', path: '/', after: { stock: 1 } }]);
    expect(stepDiff({ x: 1 }, { x: 1 })).toEqual([]);
  });
});
