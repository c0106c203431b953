import { describe, expect, it } from 'vitest';
import { MAX_RECENT, parseRecent, touchRecent, workspaceFileName } from '../../../../renderer/lib/workspace/recentFiles';

describe('recent files', () => {
  it('puts the latest first without duplicates, capped', () => {
    expect(touchRecent(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c']);
    const many = Array.from({ length: 20 }, (_, i) => `f${i}`);
    expect(touchRecent(many, 'new')).toHaveLength(MAX_RECENT);
  });

  it('reads only a list of strings back', () => {
    expect(parseRecent('["a", 1, "b"]')).toEqual(['a', 'b']);
    expect(parseRecent('{"a":1}')).toEqual([]);
    expect(parseRecent('not json')).toEqual([]);
    expect(parseRecent(null)).toEqual([]);
  });

  it('names workspace files', () => {
    expect(workspaceFileName('Untitled workspace')).toBe('Untitled workspace.purestream');
    expect(workspaceFileName('shop.purestream')).toBe('shop.purestream');
    expect(workspaceFileName('a/b:c')).toBe('a-b-c.purestream');
  });
});
