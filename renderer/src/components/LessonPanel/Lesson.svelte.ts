/** The lesson beside the workbench: the sample opened last, whether the panel is closed or folded, and "Show me". */
import { tick } from 'svelte';
import type { SampleScenario } from '../../../lib/samples';
import { lessonDryRunId, lessonViewId, pathOfId } from '../../../lib/samples';
import { runNameOf, whereToFix } from '../../../lib/runFieldProblems';
import { lessonShown, type LessonInputs, type LessonShown } from '../../../lib/lessonShown';
import { foldedAt, foldedForRoom, foldedIn, LESSON_FOLDED_KEY, NO_ROOM_FOLD, remembered, roomHeld, roomRefused, roomReleased, storedFolding, unfolded, type LessonFolding, type RoomFold } from '../../../lib/lessonFolding';
import { arrivalOrderOf } from '../../../lib/tree/treeRows';
import type { Editor } from '../../state/Editor.svelte';
import type { Inspection } from '../../state/Inspection.svelte';
import type { RunSession } from '../../state/RunSession.svelte';
import type { ScenarioDoc } from '../../state/ScenarioDoc.svelte';
import type { ViewId, Workbench } from '../../state/Workbench.svelte';

/** Lesson state: the sample opened last, the document the panel was closed for, its folding; what it shows is {@link shownFor}. */
export class Lesson {
  sample = $state.raw<SampleScenario | undefined>(undefined);
  /** The document generation the sample was opened as; another scenario opened later shows its own description instead. */
  generation = $state.raw(-1);
  /** The document generation the user closed the panel for (-1: none): closed until another scenario is opened, or reopened. */
  closedGeneration = $state.raw(-1);
  /** Folded to a narrow strip: by the user (kept for the session), and in views apart from the scenario (lib/lessonFolding.ts). */
  folding = $state.raw<LessonFolding>({ folded: false });
  /**
   * Folded by views for the room they need (a graph beside a node's details, GraphPane.svelte; two
   * panes may hold it at once), until the last lets go ({@link releaseRoom}) or the user unfolds it;
   * never kept.
   */
  room = $state.raw<RoomFold>(NO_ROOM_FOLD);
  /** The width of the lesson shown unfolded (LessonPanel binds it), in px: what folding it gives the view. */
  width = $state.raw(0);
  busy = $state.raw(false);
  message = $state.raw<string | undefined>(undefined);

  /** `storage`: where the user's fold is kept for the session (sessionStorage; none in tests). */
  constructor(private readonly storage?: Pick<Storage, 'getItem' | 'setItem'>) {
    this.folding = storedFolding(this.read());
  }

  /** Shows `sample`'s lesson for the document generation it was opened as, folded as the user last left a lesson. */
  open(sample: SampleScenario, generation: number): void {
    this.sample = sample;
    this.generation = generation;
    this.folding = { folded: this.folding.folded };
    this.message = undefined;
  }

  /** Whether views fold the lesson for their room now. */
  get roomFolded(): boolean {
    return foldedForRoom(this.room);
  }

  /** Whether the lesson shows as its strip in `view`. */
  foldedIn(view: ViewId): boolean {
    return this.roomFolded || foldedIn(this.folding, view);
  }

  /** Whether the user's own fold shows the lesson as its strip in `view` (no view need fold it for room). */
  userFoldedIn(view: ViewId): boolean {
    return foldedIn(this.folding, view);
  }

  /** The width the lesson gives a view when folded: its width unfolded (kept from when views folded it). */
  get roomWidth(): number {
    return this.roomFolded ? this.room.width : this.width;
  }

  /** Unfolds the lesson in `view` (in a view apart from the scenario, for that view); one views folded for room stays unfolded until they all let go. */
  unfold(view: ViewId): void {
    this.room = roomRefused(this.room);
    this.keep(unfolded(view));
  }

  /** `holder` (a graph pane) needs the room: the lesson is folded while any holder needs it, unless the user unfolded it since. */
  foldForRoom(holder: string): void {
    this.room = roomHeld(this.room, holder, this.width);
  }

  /** `holder` no longer needs the room: once none does, the lesson shows as the user left it. */
  releaseRoom(holder: string): void {
    this.room = roomReleased(this.room, holder);
  }

  /** Folds the lesson in `view` (in a view apart from the scenario, for that view alone). */
  fold(view: ViewId): void {
    this.keep(foldedAt(this.folding, view));
  }

  private keep(folding: LessonFolding): void {
    this.folding = folding;
    try {
      this.storage?.setItem(LESSON_FOLDED_KEY, remembered(folding));
    } catch {
      // storage full or refused: the fold holds until the page is reloaded
    }
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(LESSON_FOLDED_KEY) ?? null;
    } catch {
      return null;
    }
  }

  /** What the panel shows for the open document (lib/lessonShown.ts): the sample's lesson, the scenario's description, or nothing. */
  shownFor(doc: Pick<ScenarioDoc, 'raw' | 'generation'>): LessonShown {
    return lessonShown(this.inputs(doc, this.closedGeneration));
  }

  /** Whether the user closed the panel for the open document while it has a lesson to show (the Scenario form then offers it back). */
  reopenableFor(doc: Pick<ScenarioDoc, 'raw' | 'generation'>): boolean {
    return this.closedGeneration === doc.generation && lessonShown(this.inputs(doc, -1)) !== undefined;
  }

  private inputs(doc: Pick<ScenarioDoc, 'raw' | 'generation'>, closedGeneration: number): LessonInputs {
    const sample = this.sample && { sample: this.sample, generation: this.generation };
    return { raw: doc.raw, generation: doc.generation, sample, closedGeneration };
  }

  /** Hides the lesson for the document of `generation`, until another scenario is opened or {@link reopen}. */
  close(generation: number): void {
    this.closedGeneration = generation;
  }

  /** Shows the lesson the user closed again. */
  reopen(): void {
    this.closedGeneration = -1;
  }

  /** The view the lesson points at (the editor for a "Decision"). */
  get viewId(): ViewId {
    return (lessonViewId(this.sample?.view) ?? 'editor') as ViewId;
  }

  /** Runs the scenario when the lesson's view needs a run that is not there yet, then switches to that view. */
  async showMe(doc: ScenarioDoc, session: RunSession, editor: Editor, workbench: Workbench, inspection?: Inspection): Promise<void> {
    const scenario = doc.result?.ok ? doc.result.scenario : undefined;
    if (!this.sample || !doc.raw || !scenario) {
      const errors = doc.result && !doc.result.ok ? doc.result.errors : [];
      this.message = `${whereToFix(errors, (i) => runNameOf(doc.raw, i), false) ?? 'Fix the scenario first, in the Scenario view'}.`;
      return;
    }
    this.message = undefined;
    const view = this.viewId;
    if (view === 'editor') return this.showDecision(doc, session, editor, workbench);
    // a cancelled run's result may lack runs the lesson's view shows: run again
    if (view !== 'runs' && !(session.result && session.scenario === scenario && session.status === 'done')) {
      this.busy = true;
      try {
        await session.run(scenario);
      } finally {
        this.busy = false;
      }
      if (session.status !== 'done') {
        this.message = session.status === 'cancelled' ? 'The run was cancelled.' : `The run failed: ${session.error ?? 'unknown error'}`;
        return;
      }
    }
    // the history's evidence is the state the run ends in (every edit, every rejection placed before it)
    if (view === 'history' && inspection && session.result) {
      await tick(); // after a new result has reset the inspection
      inspection.step = (session.result.runs[inspection.runIndex]?.history ?? 0) - 1;
    }
    workbench.show(view);
  }

  /** Selects the lesson's command in the tree and dry-runs it. */
  private async showDecision(doc: ScenarioDoc, session: RunSession, editor: Editor, workbench: Workbench): Promise<void> {
    workbench.show('editor');
    const id = this.sample && lessonDryRunId(this.sample.value);
    const path = doc.raw && id ? pathOfId(doc.raw, id) : undefined;
    const order = doc.raw && path ? arrivalOrderOf(doc.raw, path) : undefined;
    if (!path || order === undefined || !doc.result?.ok) return;
    editor.select(path);
    if (doc.raw) await editor.dryRun(session.engine, doc.result.scenario, order, doc.raw);
  }
}
