import { describe, expect, it } from 'vitest';
import { commandForKey, isAppCommand } from '../../../renderer/lib/appCommands';
import { menuTemplate } from '../../../src/main/menu';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('app commands and shortcuts', () => {
  it('map the menu accelerators to commands, with Ctrl or ⌘', () => {
    expect(commandForKey(press('s', { ctrlKey: true }))).toBe('save');
    expect(commandForKey(press('S', { metaKey: true, shiftKey: true }))).toBe('save-as');
    expect(commandForKey(press('o', { ctrlKey: true }))).toBe('open');
    expect(commandForKey(press('O', { ctrlKey: true, shiftKey: true }))).toBe('open-log');
    expect(commandForKey(press('Enter', { ctrlKey: true }))).toBe('run');
    expect(commandForKey(press('d', { ctrlKey: true }))).toBe('dry-run');
  });
  it('leave plain typing, Alt chords and Ctrl+N alone', () => {
    expect(commandForKey(press('s'))).toBeUndefined();
    expect(commandForKey(press('s', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(commandForKey(press('n', { ctrlKey: true }))).toBeUndefined();
  });
  it('accept only known menu commands', () => {
    expect(isAppCommand('save')).toBe(true);
    expect(isAppCommand('download-scenario')).toBe(true);
    expect(isAppCommand('rm -rf')).toBe(false);
  });
  it('know every command the desktop menu sends', () => {
    const sent: string[] = [];
    const click = (items: unknown[]): void =>
      items.forEach((i) => {
        const item = i as { click?: () => void; submenu?: unknown[] };
        item.click?.();
        if (Array.isArray(item.submenu)) click(item.submenu);
      });
    click(menuTemplate((c) => sent.push(c), { devTools: true }));
    expect(sent.length).toBeGreaterThan(6);
    expect(sent.filter((c) => !isAppCommand(c))).toEqual([]);
  });
});
