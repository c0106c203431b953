/**
 * The last line of an inspection refused for its bad records (cli-and-reports.md: exit 1
 * unless `--skip-invalid`): what would let it read them. Records without a type under the
 * profile are not skipped into a useful replay — a map naming the type's field is the way —
 * so that is said first when any is among the problems.
 */

/** The advice after "… was not inspected", from the kinds of the problems listed. */
export function notInspectedAdvice(kinds: readonly string[]): string {
  const skip = 'use --skip-invalid to replay the valid records and report the rest as anomalies';
  return kinds.includes('unmapped') ? `a map (--map FILE, logs.md "Map file") can name the field that holds the event type; or ${skip}` : skip;
}
