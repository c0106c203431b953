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
