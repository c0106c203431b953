/**
 * Deciding on the hot path. A plain command needs no copy-on-write overlay (nothing is decided
 * after it within the decision), so it is decided with the kernel's own pieces — `authorize`,
 * the domain's `decide`, `envelop` — exactly as `decideInput` would, without its allocations.
 * Batches go through `decideInput`.
 */
import { authorize, decideInput, envelop, isBatch, type AnyDomainModule, type DecideOptions, type DecisionInput, type Outcome, type StateView } from '../../../domain/kernel';

const NO_EVENTS: readonly never[] = [];

/** Same outcome as `decideInput(decider, input, state, options)`. */
export function decide(decider: AnyDomainModule, input: DecisionInput, state: StateView<unknown>, options: DecideOptions): Outcome {
  if (isBatch(input)) return decideInput(decider, input, state, options);
  const denied = options.authorize ? authorize(decider, input, state, options.authorize) : undefined;
  if (denied) return { kind: 'command', command: input, accepted: false, events: NO_EVENTS, rejection: denied };
  const decision = decider.decide(input, state);
  if (decision.type === 'rejected') return { kind: 'command', command: input, accepted: false, events: NO_EVENTS, rejection: decision.rejection };
  return { kind: 'command', command: input, accepted: true, events: envelop(decider, input, decision.events, options.correlationId ?? input.id) };
}
