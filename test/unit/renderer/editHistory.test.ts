import { describe, expect, it } from 'vitest';
import { emptyHistory, HISTORY_LIMIT, historyKey, recorded, redone, scenarioHistoryKey, undone, type EditHistory } from '../../../renderer/lib/editHistory';
import { scenarioOfText } from '../../../renderer/lib/scenarioOfText';

/** The editor's state: a value and, maybe, JSON text typed over it that does not parse. */
type S = { readonly value: number; readonly draft?: string };

describe('editHistory', () => {
  it('undoes back and redoes forward through the same states, with their labels', () => {
    let h: EditHistory<S> = emptyHistory();
    h = recorded(h, { value: 0 }, 'Added A');
    h = recorded(h, { value: 1 }, 'Added B');
    const back = undone(h, { value: 2 })!;
    expect(back).toMatchObject({ state: { value: 1 }, label: 'Added B' });
    const back2 = undone(back.history, back.state)!;
    expect(back2).toMatchObject({ state: { value: 0 }, label: 'Added A' });
    expect(undone(back2.history, back2.state)).toBeUndefined();
    const forward = redone(back2.history, back2.state)!;
    expect(forward).toMatchObject({ state: { value: 1 }, label: 'Added A' });
    const forward2 = redone(forward.history, forward.state)!;
    expect(forward2).toMatchObject({ state: { value: 2 }, label: 'Added B' });
    expect(redone(forward2.history, forward2.state)).toBeUndefined();
    // and undo works again after a redo
    expect(undone(forward2.history, forward2.state)).toMatchObject({ state: { value: 1 }, label: 'Added B' });
  });

  it('a new edit clears redo', () => {
    let h: EditHistory<S> = recorded(emptyHistory(), { value: 0 }, 'Added A');
    const back = undone(h, { value: 1 })!;
    expect(back.history.redo).toHaveLength(1);
    h = recorded(back.history, back.state, 'Edited qty');
    expect(h.redo).toEqual([]);
    expect(redone(h, { value: 5 })).toBeUndefined();
  });

  it('merges a run of edits with one merge key into one undo step, and keeps a JSON draft with its value', () => {
    let h: EditHistory<S> = emptyHistory();
    h = recorded(h, { value: 0 }, 'Edited JSON', 'json');
    h = recorded(h, { value: 0, draft: '{"na' }, 'Edited JSON', 'json');
    h = recorded(h, { value: 0, draft: '{"name"' }, 'Edited JSON', 'json');
    expect(h.undo).toHaveLength(1);
    // undoing the broken text goes back to the value before it; redo brings the text back
    const back = undone(h, { value: 0, draft: '{"name":' })!;
    expect(back.state).toEqual({ value: 0 });
    expect(redone(back.history, back.state)!.state).toEqual({ value: 0, draft: '{"name":' });
    h = recorded(h, { value: 0 }, 'Edited qty', 'qty');
    expect(h.undo).toHaveLength(2);
  });

  it(`remembers the last ${HISTORY_LIMIT} edits`, () => {
    let h: EditHistory<S> = emptyHistory();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = recorded(h, { value: i }, `edit ${i}`);
    expect(h.undo).toHaveLength(HISTORY_LIMIT);
    expect(h.undo[0].state.value).toBe(20);
  });

  it('maps Ctrl+Z to undo, Ctrl+Shift+Z and Ctrl+Y to redo, ⌘ the same on macOS', () => {
    const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }>) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(historyKey(press('z', { ctrlKey: true }))).toBe('undo');
    expect(historyKey(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(historyKey(press('y', { ctrlKey: true }))).toBe('redo');
    expect(historyKey(press('z', { metaKey: true }))).toBe('undo');
    expect(historyKey(press('z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(historyKey(press('z', {}))).toBeUndefined();
    expect(historyKey(press('z', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(historyKey(press('Y', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
  });

  it('leaves a key typed in a text field to the field\'s own undo, and a key a control handled to that control, in every view that edits the scenario', () => {
    const press = (key: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; defaultPrevented: boolean }>) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, defaultPrevented: false, ...mods });
    expect(scenarioHistoryKey(press('z', { ctrlKey: true }), false)).toBe('undo');
    expect(scenarioHistoryKey(press('z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(scenarioHistoryKey(press('y', { ctrlKey: true }), false)).toBe('redo');
    expect(scenarioHistoryKey(press('z', { ctrlKey: true }), true)).toBeUndefined();
    expect(scenarioHistoryKey(press('y', { ctrlKey: true }), true)).toBeUndefined();
    expect(scenarioHistoryKey(press('z', { ctrlKey: true, defaultPrevented: true }), false)).toBeUndefined();
    expect(scenarioHistoryKey(press('Enter', { ctrlKey: true }), false)).toBeUndefined();
  });
});

describe('scenarioOfText', () => {
  it('gives the object JSON text stands for, and undefined for text to keep as a draft', () => {
    expect(scenarioOfText('{"name":"a"}')).toEqual({ name: 'a' });
    expect(scenarioOfText('\ufeff{"name":"a"}')).toEqual({ name: 'a' });
    expect(scenarioOfText('{"format":"purestream/scenario@1", "name": "oops",')).toBeUndefined();
    expect(scenarioOfText('[1]')).toBeUndefined();
    expect(scenarioOfText('null')).toBeUndefined();
    expect(scenarioOfText('')).toBeUndefined();
  });
});
