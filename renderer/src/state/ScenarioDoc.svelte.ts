/** The scenario being edited: its raw JSON value, validation, file name, dirty flag and undo. */
import type { ParseResult } from '../../../src/engine/api';
import type { InputError } from '../../../src/engine/types';
import type { DomainInfo } from '../../../domain/kernel';
import { parseScenario } from '../../../src/engine/scenario/parse';

/** A scenario as the user wrote it (no defaults applied): what the editor changes. */
export type RawScenario = Readonly<Record<string, unknown>>;

/** One undoable edit: the value before it and what it did. */
interface UndoEntry {
  readonly before: RawScenario;
  readonly label: string;
  /** Consecutive edits with the same merge key (typing into one field) undo as one. */
  readonly mergeKey?: string;
}

/** Which loaded domain module a scenario's `domain` path names (its description), if any. */
export interface ModuleDomains {
  infoFor(reference: unknown): DomainInfo | undefined;
}

/** The open scenario. Edits replace `raw` (never mutate it) and can be undone. */
export class ScenarioDoc {
  constructor(private readonly modules?: ModuleDomains) {}

  raw = $state.raw<RawScenario | undefined>(undefined);
  fileName = $state.raw('untitled.json');
  dirty = $state.raw(false);
  /** Counts scenarios loaded, so views can reset when a different one is opened. */
  generation = $state.raw(0);
  undoStack = $state.raw<readonly UndoEntry[]>([]);
  /** The value as last opened or saved: undoing back to it leaves nothing unsaved. */
  private savedRaw: RawScenario | undefined;
  /** Errors of a file that could not be opened; the open scenario stays as it was. */
  openErrors = $state.raw<{ readonly file: string; readonly errors: readonly InputError[] } | undefined>(undefined);

  /** The validation result of the current value. */
  readonly result: ParseResult | undefined = $derived(this.raw ? parseScenario(this.raw, undefined, this.parseOptions(this.raw)) : undefined);

  /** Parse options for `raw`: the loaded module its `domain` names, if any. */
  parseOptions(raw: unknown): { domain?: DomainInfo } {
    const domain = this.modules?.infoFor((raw as RawScenario | undefined)?.domain);
    return domain ? { domain } : {};
  }

  /** The last undoable edit's label, for the Undo button. */
  get undoLabel(): string | undefined {
    return this.undoStack.at(-1)?.label;
  }

  /** True when replacing the scenario would lose nothing, or the user agreed to lose it. */
  mayReplace(ask: (message: string) => boolean = (m) => window.confirm(m)): boolean {
    return !this.dirty || !this.raw || ask(`"${String(this.raw.name ?? this.fileName)}" has unsaved changes. Discard them?`);
  }

  /** Replaces the scenario (after {@link mayReplace}); clears undo and the dirty flag. */
  load(raw: RawScenario, fileName: string): void {
    this.raw = raw;
    this.savedRaw = raw;
    this.fileName = fileName;
    this.dirty = false;
    this.undoStack = [];
    this.openErrors = undefined;
    this.generation++;
  }

  /** Applies an edit; the previous value goes on the undo stack (once per run of same-`mergeKey` edits). */
  edit(next: RawScenario, label: string, mergeKey?: string): void {
    if (!this.raw || next === this.raw) return;
    const last = this.undoStack.at(-1);
    if (!(mergeKey !== undefined && last?.mergeKey === mergeKey)) this.undoStack = [...this.undoStack.slice(-199), { before: this.raw, label, mergeKey }];
    this.raw = next;
    this.dirty = next !== this.savedRaw;
  }

  /** Reverts the last edit; returns its label, or undefined when there was none. */
  undo(): string | undefined {
    const last = this.undoStack.at(-1);
    if (!last) return undefined;
    this.undoStack = this.undoStack.slice(0, -1);
    this.raw = last.before;
    this.dirty = this.raw !== this.savedRaw;
    return last.label;
  }

  /** Marks the scenario saved under a file name. */
  saved(fileName: string): void {
    this.fileName = fileName;
    this.savedRaw = this.raw;
    this.dirty = false;
  }
}
