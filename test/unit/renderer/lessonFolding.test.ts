/** The lesson folds itself away in views apart from the scenario and keeps the user's choice in the scenario's views. */
import { describe, expect, it } from 'vitest';
import { foldedAt, foldedForRoom, foldedIn, foldingGives, needsRoom, NO_ROOM_FOLD, remembered, roomHeld, roomRefused, roomReleased, storedFolding, unfolded, type LessonFolding } from '../../../renderer/lib/lessonFolding';

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

describe('two graph panes sharing the fold for room', () => {
  it('keeps the lesson folded while either pane needs the room, and unfolds it only when neither does', () => {
    const both = roomHeld(roomHeld(NO_ROOM_FOLD, 'top', 300), 'bottom', 0);
    expect(foldedForRoom(both)).toBe(true);
    // the top pane's details close: the bottom one still needs the room
    const bottom = roomReleased(both, 'top');
    expect(foldedForRoom(bottom)).toBe(true);
    expect(foldedForRoom(roomReleased(bottom, 'bottom'))).toBe(false);
  });

  it('counts a pane once however often it asks, and remembers the width the lesson had unfolded', () => {
    const once = roomHeld(roomHeld(NO_ROOM_FOLD, 'top', 300), 'top', 300);
    expect(foldedForRoom(roomReleased(once, 'top'))).toBe(false);
    // the second holder asked with the lesson folded (no width): the first width stays
    expect(roomHeld(once, 'bottom', 0).width).toBe(300);
  });

  it("keeps the user's unfolding while any pane holds it; once none does, a pane needing room folds it again", () => {
    const refused = roomRefused(roomHeld(roomHeld(NO_ROOM_FOLD, 'top', 300), 'bottom', 300));
    expect(foldedForRoom(refused)).toBe(false);
    expect(foldedForRoom(roomReleased(refused, 'top'))).toBe(false);
    const free = roomReleased(roomReleased(refused, 'top'), 'bottom');
    expect(foldedForRoom(roomHeld(free, 'top', 300))).toBe(true);
    // unfolding with no pane holding it changes nothing
    expect(roomRefused(NO_ROOM_FOLD)).toEqual(NO_ROOM_FOLD);
  });

  it('with the lesson folded for the other pane, a pane measured with that room needs it when it would not fit with the lesson back', () => {
    // a 280 px lesson gives the canvas at least 68% of 246 px: 167 px
    expect(needsRoom(-100, 280, true)).toBe(true);
    expect(needsRoom(0, 280, true)).toBe(true);
    expect(needsRoom(-168, 280, true)).toBe(false);
    // still too narrow with the room given: folding gives it nothing it can use
    expect(needsRoom(20, 280, true)).toBe(false);
    // not folded yet: as foldingGives
    expect(needsRoom(100, 280, false)).toBe(true);
    expect(needsRoom(-100, 280, false)).toBe(false);
  });
});
