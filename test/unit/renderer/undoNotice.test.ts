import { describe, expect, it } from 'vitest';
import { emptyHistory, recorded, undone } from '../../../renderer/lib/editHistory';
import { historyNotice, noticeLifetimeMs, offersUndo, removedNotice } from '../../../renderer/lib/undoNotice';

describe('the Undo/Redo notice of the views that edit the scenario', () => {
  it('says what an edit removed and offers Undo for 10 s; an undo or redo is said for 4 s, without Undo', () => {
    const removed = removedNotice('Removed run "8 workers"');
    expect(removed).toEqual({ text: 'Removed run "8 workers"', undoable: true });
    expect(noticeLifetimeMs(removed)).toBe(10_000);
    const undid = historyNotice('undo', 'Removed run "8 workers"')!;
    expect(undid).toEqual({ text: 'Undid: Removed run "8 workers"', undoable: false });
    expect(noticeLifetimeMs(undid)).toBe(4_000);
    expect(historyNotice('redo', 'Deleted RestockItem')).toEqual({ text: 'Redid: Deleted RestockItem', undoable: false });
  });

  it('says nothing when there was nothing to undo or redo', () => {
    expect(historyNotice('undo', undefined)).toBeUndefined();
    expect(historyNotice('redo', undefined)).toBeUndefined();
  });

  it('offers Undo only while the removal it names is the last edit, so Undo never takes back a later edit under its name', () => {
    const notice = removedNotice('Deleted RestockItem');
    let history = recorded(emptyHistory<number>(), 0, 'Deleted RestockItem');
    expect(offersUndo(notice, history.undo.at(-1)?.label)).toBe(true);
    history = recorded(history, 1, 'Edited name', 'top:name');
    expect(offersUndo(notice, history.undo.at(-1)?.label)).toBe(false);
    // undone already (by the keys or the bar): nothing of it left to undo
    const back = undone(recorded(emptyHistory<number>(), 0, 'Deleted RestockItem'), 1)!;
    expect(offersUndo(notice, back.history.undo.at(-1)?.label)).toBe(false);
    expect(offersUndo(historyNotice('undo', 'Deleted RestockItem'), 'Deleted RestockItem')).toBe(false);
    expect(offersUndo(undefined, 'Deleted RestockItem')).toBe(false);
  });
});
