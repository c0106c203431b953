/* eslint-disable svelte/prefer-svelte-reactivity -- sets here are replaced whole ($state.raw), never mutated */
/** View state of the scenario editor: selection, collapsed rows, the active tab and the dry-run decision. */
import type { DryRunResult } from '../../../src/engine/api';
import type { Scenario } from '../../../src/engine/types';

/** What a dry run needs of the engine worker. */
export interface DryRunEngine {
  dryRun(scenario: Scenario, arrivalOrder: number): Promise<{ result: DryRunResult; inputId: string }>;
}
import { keyOf, pathOf, type NodePath } from '../../lib/tree/nodePath';

/** The dry run shown in the Decision region. */
export type DecisionState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly key: string; readonly source: object }
  | { readonly status: 'done'; readonly key: string; readonly source: object; readonly label: string; readonly result: DryRunResult }
  | { readonly status: 'error'; readonly key: string; readonly source: object; readonly message: string };

/** Whether a dry run's outcome belongs to what is on screen: the same selected node of the same scenario value (any edit or another selection makes it stale). */
export const decisionIsFor = (decision: DecisionState, key: string, source: object | undefined): boolean => decision.status !== 'idle' && decision.key === key && decision.source === source;

/** Editor view state; the scenario itself lives in ScenarioDoc. */
export class Editor {
  selectedKey = $state.raw<string>('commands');
  collapsed = $state.raw<ReadonlySet<string>>(new Set());
  tab = $state.raw<'form' | 'json'>('form');
  decision = $state.raw<DecisionState>({ status: 'idle' });

  /** The selected node's path. */
  get selected(): NodePath {
    return pathOf(this.selectedKey);
  }

  /** Selects a node by path. */
  select(path: NodePath | undefined): void {
    if (path) this.selectedKey = keyOf(path);
  }

  /** Opens every group on the way to `path`, so its row shows. */
  reveal(path: NodePath): void {
    const next = new Set(this.collapsed);
    for (let n = 2; n < path.length; n++) next.delete(keyOf(path.slice(0, n)));
    this.collapsed = next;
  }

  /** Opens or closes a row. */
  setExpanded(key: string, expanded: boolean): void {
    const next = new Set(this.collapsed);
    if (expanded) next.delete(key);
    else next.add(key);
    this.collapsed = next;
  }

  /** Resets everything for a newly opened scenario. */
  reset(): void {
    this.selectedKey = 'commands';
    this.collapsed = new Set();
    this.decision = { status: 'idle' };
  }

  /**
   * Dry-runs the input at `arrivalOrder` in the engine worker; the decision panel shows the
   * outcome while the same row is selected and `source` (the scenario value it was decided
   * from) is unchanged.
   */
  async dryRun(engine: DryRunEngine, scenario: Scenario, arrivalOrder: number, source: object): Promise<void> {
    const key = this.selectedKey;
    this.decision = { status: 'running', key, source };
    try {
      const { result, inputId } = await engine.dryRun(scenario, arrivalOrder);
      this.decision = { status: 'done', key, source, label: inputId, result };
    } catch (e) {
      this.decision = { status: 'error', key, source, message: e instanceof Error ? e.message : String(e) };
    }
  }
}
