/** Commands by id: every command of an expanded scenario (setup and arrivals, batch items included), or those some decisions decided. Pure. */
import type { CommandEnvelope, DecisionInput } from '../../../domain/kernel';
import type { Trace } from '../../../src/engine/types';

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

/** The ids of the commands that traces' decisions decided, each once, in order. */
export function decidedCommandIds(traces: readonly Pick<Trace, 'decisions'>[]): string[] {
  const ids = new Set<string>();
  for (const t of traces) for (const d of t.decisions) for (const id of d.commandIds) ids.add(id);
  return [...ids];
}

/** Commands by id. */
export const commandsById = (commands: readonly CommandEnvelope[]): Map<string, CommandEnvelope> => new Map(commands.map((c) => [c.id, c]));
