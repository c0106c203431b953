/** The lesson folds itself away in views apart from the scenario and keeps the user's choice in the scenario's views. */
import { describe, expect, it } from 'vitest';
import { foldedAt, foldedIn, foldingGives, remembered, storedFolding, unfolded, type LessonFolding } from '../../../renderer/lib/lessonFolding';

const open: LessonFolding = { folded: false };

describe('the lesson panel', () => {
  it("is folded in Logs, Domains and Workspace, open in the scenario's views", () => {
    expect(['logs', 'domains', 'workspace'].map((v) => foldedIn(open, v))).toEqual([true, true, true]);
    expect(['start', 'editor', 'runs', 'graph', 'compare', 'rules'].some((v) => foldedIn(open, v))).toBe(false);
  });

  it("unfolded in a view apart, stays open there alone; folded there, the scenario's views keep it open", () => {
    const inLogs = unfolded('logs');
    expect(foldedIn(inLogs, 'logs')).toBe(false);
    expect(foldedIn(inLogs, 'domains')).toBe(true);
    const again = foldedAt(inLogs, 'logs');
    expect(foldedIn(again, 'logs')).toBe(true);
    expect(foldedIn(again, 'editor')).toBe(false);
  });

  it('folded by the user, it is folded everywhere until unfolded', () => {
    const folded = foldedAt(open, 'editor');
    expect(foldedIn(folded, 'runs')).toBe(true);
    expect(foldedIn(folded, 'logs')).toBe(true);
    const back = unfolded('graph');
    expect(foldedIn(back, 'runs')).toBe(false);
    expect(foldedIn(back, 'logs')).toBe(true);
  });

  it('keeps the user\'s fold for the session: what is stored reads back as the same fold; nothing stored is unfolded', () => {
    expect(storedFolding(null)).toEqual({ folded: false });
    expect(storedFolding('junk')).toEqual({ folded: false });
    const folded = foldedAt(open, 'history');
    expect(storedFolding(remembered(folded))).toEqual({ folded: true });
    // folded in a view apart (where it folds itself anyway), the scenario's views keep it open after a reload
    expect(storedFolding(remembered(foldedAt(unfolded('logs'), 'logs')))).toEqual({ folded: false });
  });
});

describe('folding the lesson for the graph', () => {
  it('folds it only when what it gives the canvas is the room the graph lacks', () => {
    // a 280 px lesson gives a strip of 34 px: 246 px, at least 68% of them to the canvas
    expect(foldingGives(0, 280)).toBe(false);
    expect(foldingGives(100, 280)).toBe(true);
    expect(foldingGives(167, 280)).toBe(true);
    expect(foldingGives(168, 280)).toBe(false);
    // no lesson shown: nothing to give
    expect(foldingGives(40, 0)).toBe(false);
  });
});
