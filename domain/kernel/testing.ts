/**
 * given/when/then for deciders: `given(d, events).when(command).then(events)`.
 * Framework-free (throws an Error with a readable diff on mismatch), so domain tests need no mocks.
 */
import { decideInput, commandOutcomes, type DecisionInput, type Outcome } from './decideBatch';
import { evolveRecord, viewOf } from './overlay';
import { commandId, type AnyDecider, type AuthorizationContext, type CommandEnvelope, type DomainEvent } from './types';

/** A command written tersely in tests: id, `at` and actor get defaults. */
export interface TestCommand {
  readonly type: string;
  readonly data: unknown;
  readonly id?: string;
  readonly at?: number;
  readonly actor?: string;
}

/** Fills in the envelope fields a test leaves out. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests hand envelopes to any domain's functions
export const envelope = (c: TestCommand, n = 1): CommandEnvelope<any> => ({
  id: commandId(c.id ?? `c${n}`),
  type: c.type,
  data: c.data,
  at: c.at ?? 0,
  ...(c.actor !== undefined ? { actor: c.actor } : {}),
});

const show = (v: unknown) => JSON.stringify(v, null, 2);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Starts a test from the events already in the store. */
export function given(decider: AnyDecider, history: readonly DomainEvent[] = [], options: { authorize?: AuthorizationContext } = {}) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the aggregate type is the test's domain's
  const state: Record<string, any> = evolveRecord(decider, {}, history);
  return {
    state,
    /** Decides one command or a batch against the given history. */
    when(input: TestCommand | DecisionInput) {
      const decided: DecisionInput = 'kind' in input && input.kind === 'batch' ? input : envelope(input as TestCommand);
      const outcome: Outcome = decideInput(decider, decided, viewOf(state), options);
      const events = outcome.events.map((e) => ({ type: e.type, data: e.data }));
      return {
        outcome,
        /** Asserts the decision appended exactly these events (type and data). */
        then(expected: readonly DomainEvent[]) {
          if (!outcome.accepted) throw new Error(`expected events, but the decision was rejected:\n${show(commandOutcomes(outcome).map((o) => o.rejection))}`);
          if (!same(events, expected)) throw new Error(`expected events\n${show(expected)}\nbut got\n${show(events)}`);
          return events;
        },
        /** Asserts the (first) rejection code. */
        thenRejects(code: string) {
          const codes = commandOutcomes(outcome).filter((o) => !o.accepted).map((o) => o.rejection?.code);
          if (outcome.accepted && codes.length === 0) throw new Error(`expected rejection ${code}, but got events\n${show(events)}`);
          if (codes[0] !== code) throw new Error(`expected rejection ${code}, got ${show(codes)}`);
          return codes;
        },
      };
    },
  };
}
