/**
 * A real run beside the simulated one, as the Compare view shows it (plain data from the
 * `purestream/real-comparison@1` that `compare-real` and the engine worker compute): the
 * delivery counts side by side, the dead-lettered events, the final states' `stateHash` and the
 * verdict, and the final-state differences as Compare's difference rows. Pure.
 */
import { comparisonVerdict, type DeadLetter, type RealComparison } from '../../../src/sources/sinks/compareReal';
import type { DeliveryCounts } from '../../../src/sources/sinks/realRun';
import { diffRows, type StateDiffRow } from './compareModel';

/** One count of the deliveries: simulated and real. */
export interface DeliveryRow {
  readonly key: string;
  readonly label: string;
  readonly simulated: number;
  readonly real: number;
  /** Real minus simulated. */
  readonly delta: number;
}

/** What the Compare view shows of a real run. */
export interface RealRunModel {
  /** Which consumer, how it delivers. */
  readonly consumer: string;
  readonly rows: readonly DeliveryRow[];
  readonly deadLetters: { readonly same: boolean; readonly simulated: readonly string[]; readonly real: readonly string[] };
  readonly stateHash: { readonly simulated: string; readonly real: string; readonly same: boolean };
  /** ok: equal states; bad: they differ though they must not; note: they differ, as they may. */
  readonly tone: 'ok' | 'bad' | 'note';
  readonly verdict: string;
  /** The final-state differences, two values each (simulated, real), as Compare's table shows them. */
  readonly differences: readonly StateDiffRow[];
  /** The comparison lists only the first differences (`compare-real` keeps 20). */
  readonly differencesCut: boolean;
}

const LABELS: readonly (readonly [keyof DeliveryCounts, string])[] = [
  ['deliveries', 'Deliveries'],
  ['redeliveries', 'Redeliveries'],
  ['failures', 'Failures'],
  ['duplicates', 'Duplicates'],
  ['deadLettered', 'Dead letters'],
  ['lost', 'Lost'],
  ['enacted', 'Events enacted'],
];

/** The differences `compare-real` lists at most. */
const LISTED_DIFFERENCES = 20;

/** A dead-lettered event for display: `c8.1 (OrderPlaced)`, or the broker's stream sequence when its id could not be read. */
export const deadLetterText = (d: DeadLetter): string => (d.id !== undefined ? `${d.id}${d.type ? ` (${d.type})` : ''}` : `stream sequence ${d.seq ?? '?'}`);

/** The view of a comparison. */
export function realRunModel(c: RealComparison): RealRunModel {
  const rows = LABELS.map(([key, label]) => ({ key, label, simulated: c.simulated[key], real: c.real[key], delta: c.real[key] - c.simulated[key] }));
  return {
    consumer: `${c.consumer} (${c.interpreter}, ${c.delivery}${c.idempotent ? ', idempotent' : ''})`,
    rows,
    deadLetters: { same: c.sameDeadLetters, simulated: c.simulated.deadLetters.map(deadLetterText), real: c.real.deadLetters.map(deadLetterText) },
    stateHash: { simulated: c.simulated.stateHash, real: c.real.stateHash, same: c.sameFinalState },
    tone: c.sameFinalState ? 'ok' : c.mustBeEqual ? 'bad' : 'note',
    verdict: comparisonVerdict(c),
    differences: diffRows(c.differences),
    differencesCut: c.differences.length >= LISTED_DIFFERENCES,
  };
}
