/**
 * The run shown beside the current one in the Graph, History and Timeline: one choice for the
 * three views, so it stays when the user moves between them. The pane beside has an Inspection
 * of its own (run, graph selection, history step), so each pane keeps its own selection.
 * Which run, and when it is forgotten: ../../lib/beside/besideRun.ts.
 */
import { besideIndex, type AlignBy } from '../../lib/beside/besideRun';
import { Inspection } from './Inspection.svelte';

/** The second pane of the run views, off (one pane) until a run is chosen. */
export class Beside {
  /** The name of the run beside; undefined: one pane. */
  run = $state.raw<string | undefined>(undefined);
  /** History's "Step together": moving one pane's step moves the other's, lined up by `alignBy`. */
  linked = $state.raw(false);
  /** How the panes stepping together line up; by time unless the user chose by step (kept when the pane beside closes). */
  alignBy = $state.raw<AlignBy>('time');
  /** What the pane beside inspects; its `runIndex` is the run beside. */
  readonly inspection = new Inspection();

  /** Sets run `index` of `names` beside, its selection cleared. */
  show(names: readonly string[], index: number): void {
    this.run = names[index];
    this.inspection.selectRun(index);
  }

  /** Back to one pane; the next pair does not step together until asked (its sliders start apart). */
  close(): void {
    this.run = undefined;
    this.linked = false;
    this.inspection.reset();
  }

  /**
   * A new result (`names` its runs, `main` the current one): the same run beside, its selection
   * cleared, or one pane if it is gone. `previous`: the name of the run that was current before;
   * when the run beside is the current one now, the pane beside takes that run, so the two runs
   * on screen stay the same.
   */
  adopt(names: readonly string[], main: number, previous?: string): void {
    const index = besideIndex(names, this.run, main, previous === undefined ? undefined : names.indexOf(previous));
    if (index === undefined) this.close();
    else this.show(names, index);
  }

  /** The current run became `main` (it was `previous`): if it is the run beside, the two swap (true then). */
  follow(names: readonly string[], main: number, previous: number): boolean {
    if (this.run !== names[main]) return false;
    const index = besideIndex(names, this.run, main, previous);
    if (index === undefined) this.close();
    else this.show(names, index);
    return index !== undefined;
  }
}
