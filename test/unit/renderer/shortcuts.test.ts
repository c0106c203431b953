import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, commandForKey, type AppCommand } from '../../../renderer/lib/appCommands';
import { HISTORY_KEYS, historyKey } from '../../../renderer/lib/editHistory';
import { ariaKeyshortcuts, comboText, matches } from '../../../renderer/lib/keys';
import { pageTitle } from '../../../renderer/lib/pageTitle';
import { SHORTCUT_LIST_KEYS, shortcutGroups } from '../../../renderer/lib/shortcuts';
import { TREE_KEYS, treeAction } from '../../../renderer/lib/tree/treeKeys';
import { menuTemplate } from '../../../src/main/menu';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('key combinations', () => {
  it('read as the user types them, and as aria-keyshortcuts (Ctrl with its ⌘ form)', () => {
    expect(comboText({ key: 's', ctrl: true, shift: true })).toBe('Ctrl+Shift+S');
    expect(comboText({ key: 'ArrowUp', alt: true })).toBe('Alt+↑');
    expect(ariaKeyshortcuts([{ key: 'Enter', ctrl: true }])).toBe('Control+Enter Meta+Enter');
    expect(ariaKeyshortcuts([{ key: '?' }, { key: 'F1' }])).toBe('? F1');
    expect(ariaKeyshortcuts([])).toBeUndefined();
  });
  it('match ? typed with Shift, and tell Shift apart for letters', () => {
    expect(matches({ key: '?' }, press('?', { shiftKey: true }))).toBe(true);
    expect(matches({ key: 's', ctrl: true }, press('S', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matches({ key: 's', ctrl: true }, press('s', { metaKey: true }))).toBe(true);
  });
});

describe('the shortcut list', () => {
  const lines = shortcutGroups().flatMap((g) => g.lines);
  const has = (keys: string, does: RegExp) => expect(lines.some((l) => l.keys === keys && does.test(l.does)), `${keys} ${does}`).toBe(true);

  it('lists every key the handlers match, from their own tables', () => {
    for (const c of Object.keys(APP_COMMANDS) as AppCommand[]) for (const combo of APP_COMMANDS[c].keys) expect(commandForKey(press(combo.key, { ctrlKey: combo.ctrl ?? false, shiftKey: combo.shift ?? false }))).toBe(c);
    has('Ctrl+O', /Open a workspace/);
    has('Ctrl+Enter', /Run all runs/);
    has('Ctrl+D', /Dry-run/);
    has('Ctrl+S', /Save the workspace/);
    has('Ctrl+Z', /Undo/);
    has('Ctrl+Shift+Z or Ctrl+Y', /Redo/);
    has('Alt+↑', /Move the selected node up/);
    has('Alt+→', /Nest/);
    has('Delete or Backspace', /Delete the selected node/);
    has('? or F1', /list of keyboard shortcuts/);
    for (const t of Object.values(TREE_KEYS)) expect(lines.some((l) => l.does === t.does)).toBe(true);
    expect(SHORTCUT_LIST_KEYS.length).toBe(2);
  });
  it("agrees with the handlers: the tree's and the history's keys", () => {
    expect(treeAction(press('ArrowUp', { altKey: true }))).toBe('move-up');
    expect(treeAction(press('ArrowUp'))).toBe('previous');
    expect(treeAction(press('Enter', { ctrlKey: true }))).toBeUndefined();
    expect(historyKey(press('y', { ctrlKey: true }))).toBe('redo');
    expect(HISTORY_KEYS.undo.map(comboText)).toEqual(['Ctrl+Z']);
  });
  it("gives the web the desktop menu's accelerators (Ctrl+N stays the browser's)", () => {
    let sent = '';
    const accelerators = new Map<string, string>();
    const walk = (items: readonly unknown[]): void =>
      items.forEach((i) => {
        const item = i as { accelerator?: string; click?: () => void; submenu?: unknown[] };
        if (item.accelerator && item.click) {
          item.click();
          accelerators.set(sent, item.accelerator);
        }
        if (Array.isArray(item.submenu)) walk(item.submenu);
      });
    walk(menuTemplate((c) => (sent = c), { devTools: false }));
    expect(accelerators.size).toBeGreaterThan(5);
    for (const [command, accelerator] of accelerators) {
      const keys = APP_COMMANDS[command as AppCommand].keys.map((k) => comboText(k).replace('Ctrl', 'CmdOrCtrl'));
      expect(keys).toEqual(command === 'new' ? [] : [accelerator]);
    }
  });
});

describe('the page title', () => {
  it('names the view and what it shows', () => {
    expect(pageTitle('compare', 'Compare', { scenario: 'Flash sale' })).toBe('Compare — Flash sale — Purestream');
    expect(pageTitle('logs', 'Logs', { scenario: 'Flash sale', log: 'orders.json' })).toBe('Logs — orders.json — Purestream');
    expect(pageTitle('start', 'Start', { scenario: 'Flash sale' })).toBe('Start — Purestream');
    expect(pageTitle('graph', 'Graph', {})).toBe('Graph — Purestream');
  });
});
