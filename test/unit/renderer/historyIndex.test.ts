import { describe, expect, it } from 'vitest';
import { changedFields, historyIndex, stepOfNode } from '../../../renderer/lib/history/historyIndex';
import { smallTrace } from './graph/fixtures';

describe('historyIndex', () => {
  it('links events and commands to the history steps that enacted them', () => {
    const index = historyIndex(smallTrace());
    expect(stepOfNode(index, { eventSeq: 2 })).toBe(1);
    expect(stepOfNode(index, { commandId: 'c1' })).toBe(0);
    expect(stepOfNode(index, { commandId: 'c3' })).toBeUndefined();
    expect(index.violationSteps).toEqual([]);
  });

  it('names the fields that changed', () => {
    expect(changedFields({ gallery: [], title: 'a' }, { gallery: ['x'], title: 'a', bio: 'b' })).toEqual(['bio', 'gallery']);
    expect(changedFields(undefined, { stock: 1 })).toEqual(['stock']);
  });
});
