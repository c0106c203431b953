/** The Sweep view's opening sentence, its example fitted to the open scenario's domain. Pure. */

/**
 * "Run one configuration over a range of a parameter …", with an example every domain has
 * (stale decisions as a pool grows) and one of the domain's own: whether its first invariant
 * breaks (the sweep's violations column), else how long the run takes (makespan). `backticks`
 * mark the invariant's name as code (MessageText).
 */
export function sweepIntro(invariants: readonly { readonly name: string }[]): string {
  const own = invariants.length > 0 ? `whether \`${invariants[0].name}\` breaks` : 'how long the run takes';
  return `Run one configuration over a range of a parameter and see how each metric moves — for example, as a pool's workers grow, how many of its decisions read stale state and ${own}.`;
}
