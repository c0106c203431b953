/**
 * When the open scenario's nodes arrive and which ids they get, asked of the engine worker
 * (its expansion, renderer/lib/tree/resolvedNodes.ts) each time the valid scenario changes —
 * never on a mere change of selection.
 * Construct it while a component initializes (it owns an effect).
 */
import type { Scenario } from '../../../src/engine/types';
import type { ResolvedNodes } from '../../lib/tree/resolvedNodes';
import { Asked } from './asked.svelte';
import type { ScenarioDoc } from './ScenarioDoc.svelte';

/** Typing waits this long before the scenario is expanded again (a large one takes a while, and the worker does one at a time). */
const SETTLE_MS = 150;

/** What resolving needs of the engine worker. */
export interface ResolvingEngine {
  resolvedNodes(scenario: Scenario): Promise<ResolvedNodes>;
}

/** The resolved nodes of the scenario on screen. */
export class ResolvedArrivals {
  private readonly asked: Asked<{ readonly scenario: Scenario; readonly nodes: ResolvedNodes }>;

  constructor(
    private readonly doc: ScenarioDoc,
    engine: ResolvingEngine,
  ) {
    this.asked = new Asked(() => {
      const result = doc.result;
      if (!result?.ok) return undefined;
      const scenario = result.scenario;
      return async () => ({ scenario, nodes: await engine.resolvedNodes(scenario) });
    }, SETTLE_MS);
  }

  /**
   * The nodes of the scenario as it is now; undefined while it is invalid or being resolved
   * (an answer about an earlier value is never shown: its times may be wrong).
   */
  get nodes(): ResolvedNodes | undefined {
    const answer = this.asked.value;
    const result = this.doc.result;
    return answer && result?.ok && answer.scenario === result.scenario ? answer.nodes : undefined;
  }
}
