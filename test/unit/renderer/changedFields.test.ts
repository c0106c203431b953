import { describe, expect, it } from 'vitest';
import { changedFields } from '../../../renderer/lib/history/stepDiff';

describe('changedFields', () => {
  it('names the fields that changed', () => {
    expect(changedFields({ gallery: [], title: 'a' }, { gallery: ['x'], title: 'a', bio: 'b' })).toEqual(['bio', 'gallery']);
    expect(changedFields(undefined, { stock: 1 })).toEqual(['stock']);
  });
});
