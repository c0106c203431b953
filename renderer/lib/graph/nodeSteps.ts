/**
 * The node a keyboard step goes to on the causation graph (`]` next, `[` previous): the graph's
 * nodes in causal order — the order the run or log has them, each cause before its effects —,
 * whether drawn on screen or not (xyflow draws only the visible ones, so Tab alone reaches only
 * those). Pure.
 */

/**
 * The node after (`step` 1) or before (−1) `current` in `order`; from no node (the canvas
 * itself focused, or a node no longer drawn) the first or the last. Undefined past either end:
 * the steps do not wrap round, so the user hears where the graph ends.
 */
export function nodeStep(order: readonly string[], current: string | undefined, step: 1 | -1): string | undefined {
  if (order.length === 0) return undefined;
  const at = current === undefined ? -1 : order.indexOf(current);
  if (at < 0) return step === 1 ? order[0] : order[order.length - 1];
  return order[at + step];
}

/** Where Tab (`step` 1) or Shift+Tab (−1) goes from a node or the canvas: a node, the canvas itself, or out of the graph (the browser's own Tab). */
export type TabStep = { readonly node: string } | 'canvas' | 'out';

/**
 * Tab on the causation graph: from the canvas (`current` undefined) or a node to the next or
 * previous node in causal order among those in the pane (`inPane`), so Tab never loops round
 * (xyflow's list of drawn nodes is in no fixed order, and a pan redraws it); `]` and `[` reach
 * the rest. Shift+Tab from the first goes back to the canvas, Tab from the last
 * (or from the canvas with none in the pane) leaves the graph; Shift+Tab from the canvas leaves it
 * backwards. Pure.
 */
export function tabStep(order: readonly string[], inPane: ReadonlySet<string>, current: string | undefined, step: 1 | -1): TabStep {
  if (current === undefined) {
    const first = step === 1 ? order.find((id) => inPane.has(id)) : undefined;
    return first === undefined ? 'out' : { node: first };
  }
  const at = order.indexOf(current);
  for (let i = at + step; i >= 0 && i < order.length; i += step) if (inPane.has(order[i]!)) return { node: order[i]! };
  return step === 1 ? 'out' : 'canvas';
}
