/** The scenario being edited: its raw JSON value, JSON text that does not parse yet, validation, file name, dirty flag, undo and redo. */
import type { ParseResult } from '../../../src/engine/api';
import { emptyHistory, recorded, redone, undone, type EditHistory } from '../../lib/editHistory';
import { scenarioOfText } from '../../lib/scenarioOfText';
import type { InputError } from '../../../src/engine/types';
import type { DomainInfo } from '../../../domain/kernel';
import { parseScenario } from '../../../src/engine/scenario/parse';
import type { ScenarioEntry } from './Workspace.svelte';

/** A scenario as the user wrote it (no defaults applied): what the editor changes. */
export type RawScenario = Readonly<Record<string, unknown>>;

/** What undo and redo restore: the value and the JSON text typed over it that does not parse, if any. */
interface DocState {
  readonly raw: RawScenario;
  readonly draft?: string;
}

/**
 * The question asked before a scenario with unsaved edits is replaced: what is being opened,
 * and how the user answered (true: saved or discarded, go on; false: Cancel). The
 * UnsavedScenarioDialog shows it.
 */
export interface ReplaceQuestion {
  /** The name of the scenario (or sample) being opened in its place. */
  readonly opening: string;
  readonly answer: (replace: boolean) => void;
}

/** Which loaded domain module a scenario's `domain` path names (its description), if any. */
export interface ModuleDomains {
  infoFor(reference: unknown): DomainInfo | undefined;
}

/** The open scenario. Edits replace `raw` (never mutate it) and can be undone and redone. */
export class ScenarioDoc {
  constructor(private readonly modules?: ModuleDomains) {}

  raw = $state.raw<RawScenario | undefined>(undefined);
  fileName = $state.raw('untitled.json');
  /** The scenario's `name` when `fileName` was given (opened, downloaded, written to a file): renamed since, it downloads under its new name (lib/scenarioFileName.ts). */
  fileTitle = $state.raw<unknown>(undefined);
  dirty = $state.raw(false);
  /** Counts scenarios loaded, so views can reset when a different one is opened. */
  generation = $state.raw(0);
  history = $state.raw<EditHistory<DocState>>(emptyHistory());
  /**
   * JSON text typed in the JSON tab that does not parse to an object: kept (across views) as an
   * unsaved draft over `raw`, which stays the last value that parsed, until it parses, is undone
   * or is discarded. Never dropped silently.
   */
  draft = $state.raw<string | undefined>(undefined);
  /** The value as last opened or saved: undoing back to it leaves nothing unsaved. */
  private savedRaw: RawScenario | undefined;
  /** The value its file holds, as far as the app knows: as opened, or last written to a file (a Save keeps the edits in the workspace, not in that file). */
  private fileRaw = $state.raw<RawScenario | undefined>(undefined);
  /**
   * The last download on the web (its file name and value). A download is a copy the app cannot
   * open again, not a save: the edits stay unsaved, and the badge says they were downloaded.
   */
  downloaded = $state.raw<{ readonly name: string; readonly raw: RawScenario } | undefined>(undefined);
  /**
   * The stored scenario of a workspace this one is kept as (opened from it, or saved into it): a
   * Save after a rename renames that one (renderer/src/state/saveWorkspace.ts). Opening another clears it.
   */
  entry = $state.raw<ScenarioEntry | undefined>(undefined);
  /** Asked while replacing the scenario would drop unsaved edits (see {@link mayReplace}). */
  replaceQuestion = $state.raw<ReplaceQuestion | undefined>(undefined);
  /** Errors of a file that could not be opened; the open scenario stays as it was. */
  openErrors = $state.raw<{ readonly file: string; readonly errors: readonly InputError[] } | undefined>(undefined);

  /** The validation result of the current value. */
  readonly result: ParseResult | undefined = $derived(this.raw ? parseScenario(this.raw, undefined, this.parseOptions(this.raw)) : undefined);
  /** The problems of the draft (its JSON error, named by line and column), when there is one. */
  readonly draftResult: ParseResult | undefined = $derived(this.draft === undefined ? undefined : parseScenario(this.draft));
  /** What the editor shows: the draft's problems while there is one, else the value's. */
  readonly shownResult: ParseResult | undefined = $derived(this.draftResult ?? this.result);

  /** Parse options for `raw`: the loaded module its `domain` names, if any. */
  parseOptions(raw: unknown): { domain?: DomainInfo } {
    const domain = this.modules?.infoFor((raw as RawScenario | undefined)?.domain);
    return domain ? { domain } : {};
  }

  /** The last undoable edit's label, for the Undo button. */
  get undoLabel(): string | undefined {
    return this.history.undo.at(-1)?.label;
  }

  /** The last undone edit's label, for the Redo button. */
  get redoLabel(): string | undefined {
    return this.history.redo.at(-1)?.label;
  }

  /**
   * The value shown is not the one its file (`fileName`) holds: edits not yet written to it (by
   * Download scenario), or a scenario restored with unsaved edits. A command line naming the file
   * says so (renderer/lib/cli/commandLine.ts).
   */
  get notInFile(): boolean {
    return this.raw !== undefined && this.raw !== this.fileRaw;
  }

  /** The unsaved edits are in a download (the current value, no draft over it), yet not saved. */
  get downloadedOnly(): boolean {
    return this.dirty && this.draft === undefined && this.raw !== undefined && this.downloaded?.raw === this.raw;
  }

  /**
   * Resolves true when replacing the scenario with `opening` (its name) loses nothing, or once the
   * user saved or discarded the edits in the dialog that asks ({@link replaceQuestion}); false on
   * Cancel. A second question cancels the first.
   */
  async mayReplace(opening: string): Promise<boolean> {
    if (!this.dirty || !this.raw) return true;
    this.replaceQuestion?.answer(false);
    let asked: ReplaceQuestion | undefined;
    const yes = await new Promise<boolean>((answer) => (this.replaceQuestion = asked = { opening, answer }));
    if (this.replaceQuestion === asked) this.replaceQuestion = undefined;
    return yes;
  }

  /**
   * Replaces the scenario (after {@link mayReplace}); clears undo, redo, the draft and the download.
   * `edited`: the value has edits kept nowhere else (a scenario restored after a reload): unsaved,
   * and not what its file holds, until saved.
   */
  load(raw: RawScenario, fileName: string, edited = false): void {
    this.raw = raw;
    this.savedRaw = edited ? undefined : raw;
    this.fileRaw = edited ? undefined : raw;
    this.fileName = fileName;
    this.fileTitle = raw.name;
    this.draft = undefined;
    this.dirty = edited;
    this.downloaded = undefined;
    this.history = emptyHistory();
    this.openErrors = undefined;
    this.entry = undefined;
    this.generation++;
  }

  /**
   * Applies an edit; the state before goes on the undo stack (once per run of same-`mergeKey`
   * edits) and redo is cleared. A draft stays: it is the user's text, shown until it is resolved.
   */
  edit(next: RawScenario, label: string, mergeKey?: string): void {
    if (!this.raw || next === this.raw) return;
    this.history = recorded(this.history, this.state(this.raw), label, mergeKey);
    this.raw = next;
    this.settleDirty();
  }

  /** The JSON tab's text: applied when it parses to an object, else kept as the draft (either way one undoable step per run of typing). */
  editJson(text: string): void {
    if (!this.raw) return;
    const value = scenarioOfText(text);
    if (value === undefined && text === this.draft) return;
    this.history = recorded(this.history, this.state(this.raw), 'Edited JSON', 'json');
    if (value !== undefined) this.raw = value;
    this.draft = value === undefined ? text : undefined;
    this.settleDirty();
  }

  /** Drops the draft (undoably), back to the last value that parsed. */
  discardDraft(): void {
    if (!this.raw || this.draft === undefined) return;
    this.history = recorded(this.history, this.state(this.raw), 'Discarded the JSON text');
    this.draft = undefined;
    this.settleDirty();
  }

  /** Reverts the last edit (a draft first); returns its label, or undefined when there was none. */
  undo(): string | undefined {
    if (!this.raw) return undefined;
    return this.go(undone(this.history, this.state(this.raw)));
  }

  /** Re-applies the last undone edit; returns its label, or undefined when there was none. */
  redo(): string | undefined {
    if (!this.raw) return undefined;
    return this.go(redone(this.history, this.state(this.raw)));
  }

  /** Notes a download of the current value as `name` (web): the file holds it, but it is a copy, so the edits stay unsaved. */
  wasDownloaded(name: string): void {
    if (!this.raw) return;
    this.downloaded = { name, raw: this.raw };
    this.fileName = name;
    this.fileTitle = this.raw.name;
    this.fileRaw = this.raw;
  }

  /** Marks the scenario saved (in the workspace) under a file name (a draft stays unsaved: only the value is saved). */
  saved(fileName: string): void {
    this.fileName = fileName;
    this.savedRaw = this.raw;
    this.settleDirty();
  }

  /** Marks the scenario saved to the file `fileName` (the desktop app's Save dialog wrote it). */
  savedToFile(fileName: string): void {
    this.saved(fileName);
    this.fileRaw = this.raw;
    this.fileTitle = this.raw?.name;
  }

  private state(raw: RawScenario): DocState {
    return this.draft === undefined ? { raw } : { raw, draft: this.draft };
  }

  private go(step: { state: DocState; label: string; history: EditHistory<DocState> } | undefined): string | undefined {
    if (!step) return undefined;
    this.history = step.history;
    this.raw = step.state.raw;
    this.draft = step.state.draft;
    this.settleDirty();
    return step.label;
  }

  /** Unsaved: the value differs from the one opened or saved, or a draft is typed over it. */
  private settleDirty(): void {
    this.dirty = this.raw !== this.savedRaw || this.draft !== undefined;
  }
}
