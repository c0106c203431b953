/** The metrics the Sweep view plots before the user picks any. Pure. */

/**
 * Metric ids (SWEEP_METRICS, src/engine/scenario/sweepMetrics.ts) charted by default, in order:
 * the invariant violations when the domain declares invariants (the view's opening sentence,
 * sweepIntro, names the first as its example), units oversold (shown only where the domain counts
 * them: sweepMetricsFor), stale decisions, then throughput (accepted, makespan).
 */
export function defaultMetrics(invariants: readonly unknown[]): readonly string[] {
  return [...(invariants.length > 0 ? ['violations'] : []), 'oversold', 'staleDecisions', 'accepted', 'makespanMs'];
}
