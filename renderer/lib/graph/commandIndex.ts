/** Every command of an expanded scenario by id (setup and arrivals, batch items included). Pure. */
import type { CommandEnvelope, DecisionInput } from '../../../domain/kernel';

/** The expanded scenario as far as this module needs it. */
export interface ExpandedInputs {
  readonly setup: readonly DecisionInput[];
  readonly arrivals: readonly { readonly input: DecisionInput }[];
}

/** Maps command id → command envelope. */
export function commandIndex(expanded: ExpandedInputs): Map<string, CommandEnvelope> {
  const out = new Map<string, CommandEnvelope>();
  const walk = (input: DecisionInput): void => {
    if ('kind' in input && input.kind === 'batch') input.items.forEach(walk);
    else out.set(input.id, input as CommandEnvelope);
  };
  expanded.setup.forEach(walk);
  expanded.arrivals.forEach((a) => walk(a.input));
  return out;
}

/** Command id → type, for naming commands inside batches. */
export const commandTypes = (index: ReadonlyMap<string, CommandEnvelope>): Map<string, string> => new Map([...index].map(([id, c]) => [id, c.type]));
