/**
 * Key combinations as data: the handlers match key presses against them, and the shortcut list,
 * the controls' `aria-keyshortcuts` and their hints are written from the same data. Pure.
 */

/** One key combination: `ctrl` means Ctrl, or ⌘ on macOS (either is taken). */
export interface KeyCombo {
  /** The KeyboardEvent `key` (compared without case): 's', 'Enter', 'ArrowUp', 'F1', '?'. */
  readonly key: string;
  readonly ctrl?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

/** The parts of a key event a shortcut depends on. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/**
 * Whether `e` is the combination `combo`: the same key, Ctrl (or ⌘) and Alt as asked, and Shift
 * as asked, except for a key typed with Shift itself ('?', '+'), where Shift is not compared.
 */
export function matches(combo: KeyCombo, e: KeyPress): boolean {
  if (e.key.toLowerCase() !== combo.key.toLowerCase()) return false;
  if ((e.ctrlKey || e.metaKey) !== (combo.ctrl ?? false) || e.altKey !== (combo.alt ?? false)) return false;
  const typedWithShift = combo.key.length === 1 && !/[a-z0-9]/i.test(combo.key);
  return typedWithShift || e.shiftKey === (combo.shift ?? false);
}

/** The first of `table`'s entries one of whose combinations `e` is, or undefined. */
export function keyAction<A extends string>(table: Readonly<Record<A, readonly KeyCombo[]>>, e: KeyPress): A | undefined {
  return (Object.keys(table) as A[]).find((action) => table[action].some((c) => matches(c, e)));
}

const SHOWN: Readonly<Record<string, string>> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', ' ': 'Space', Escape: 'Esc' };
const ARIA: Readonly<Record<string, string>> = { ' ': 'Space', '+': 'Plus' };

/** A combination as the user reads it: "Ctrl+Shift+S", "Alt+↑". */
export function comboText(combo: KeyCombo): string {
  const key = SHOWN[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
  return [combo.ctrl && 'Ctrl', combo.alt && 'Alt', combo.shift && 'Shift', key].filter(Boolean).join('+');
}

/** Combinations as the user reads them, "Ctrl+Shift+Z or Ctrl+Y". */
export const combosText = (combos: readonly KeyCombo[]): string => combos.map(comboText).join(' or ');

/** A combination in `aria-keyshortcuts` form: "Control+Shift+S" (with its ⌘ form, "Meta+Shift+S", for Ctrl). */
function ariaCombo(combo: KeyCombo): string[] {
  const key = ARIA[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
  const rest = [combo.alt && 'Alt', combo.shift && 'Shift', key].filter(Boolean).join('+');
  return combo.ctrl ? [`Control+${rest}`, `Meta+${rest}`] : [rest];
}

/** The `aria-keyshortcuts` value of `combos` (undefined when there are none). */
export function ariaKeyshortcuts(combos: readonly KeyCombo[] | undefined): string | undefined {
  return combos && combos.length > 0 ? combos.flatMap(ariaCombo).join(' ') : undefined;
}
