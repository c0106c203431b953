/**
 * given/when/then for domains of either shape: `given(domain, events).when(command).then(events)`
 * or `.thenRejects(code)`. Framework-free (throws an Error with both sides on a mismatch), so a
 * module's tests need no app, no mocks and no test runner in particular. Given events are folded
 * with the domain's `evolve` into their streams (an Emmett-style decider's into the stream the
 * command addresses, unless an event names its `stream`).
 */
import { commandOutcomes, commandId, decideInput, evolveRecord, viewOf, type AuthorizationContext, type CommandEnvelope, type DecisionInput, type DomainEvent, type EmmettCommand, type Outcome } from '../../../domain/kernel';
import { toDomainModule } from './bundled';
import { rejectionOf } from './emmett';
import { VIRTUAL_EPOCH_MS } from '../virtualTime';

/** A command written tersely in tests: id, `at` and actor get defaults. */
export interface TestCommand {
  readonly type: string;
  readonly data: unknown;
  readonly id?: string;
  readonly at?: number;
  readonly actor?: string;
}

/** A given event: type and data, and its stream when the domain cannot tell it. */
export interface GivenEvent {
  readonly type: string;
  readonly data: unknown;
  readonly stream?: string;
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
const isBatchInput = (input: TestCommand | DecisionInput): input is DecisionInput & { kind: 'batch' } => 'kind' in input && input.kind === 'batch';

/** Starts a test from the events already in the store. `domain`: a domain in either shape, or a DomainModule. */
export function given(domain: object, history: readonly GivenEvent[] = [], options: { authorize?: AuthorizationContext } = {}) {
  const module = toDomainModule(domain);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the aggregate type is the test's domain's
  const fold = (events: readonly GivenEvent[]): Record<string, any> => evolveRecord(module, {}, events as readonly DomainEvent[]);
  const unplaced = module.shape === 'emmett' && history.some((e) => e.stream === undefined);
  return {
    /** The state the history folds into (for an Emmett-style decider: once `when` names the stream). */
    state: unplaced ? {} : fold(history),
    /** Decides one command or a batch against the given history. */
    when(input: TestCommand | DecisionInput) {
      const decided: DecisionInput = isBatchInput(input) ? input : envelope(input as TestCommand);
      const stream = unplaced && !isBatchInput(input) ? (module.partitionKey(decided as CommandEnvelope, viewOf({})) as string) : undefined;
      const state = fold(stream === undefined ? history : history.map((e) => (e.stream !== undefined ? e : { ...e, stream })));
      const outcome: Outcome = decideInput(module, decided, viewOf(state), options);
      const events = outcome.events.map((e) => ({ type: e.type, data: e.data }));
      return {
        state,
        outcome,
        /** Asserts the decision appended exactly these events (type and data). */
        then(expected: readonly DomainEvent[]) {
          if (!outcome.accepted) throw new Error(`expected events\n${show(expected)}\nbut the decision was rejected:\n${show(commandOutcomes(outcome).map((o) => o.rejection))}`);
          if (!same(events, expected)) throw new Error(`expected events\n${show(expected)}\nbut got\n${show(events)}`);
          return events;
        },
        /** Asserts the (first) rejection code. */
        thenRejects(code: string) {
          const codes = commandOutcomes(outcome)
            .filter((o) => !o.accepted)
            .map((o) => o.rejection?.code);
          if (outcome.accepted && codes.length === 0) throw new Error(`expected rejection ${code}, but got events\n${show(events)}`);
          if (codes[0] !== code) throw new Error(`expected rejection ${code}, got ${show(codes)}`);
          return codes;
        },
      };
    },
  };
}

/** What a rejected decision throws when a domain runs as an Emmett decider (`code` as the decision's). */
export class DecisionRejected extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DecisionRejected';
  }
}

/**
 * A domain of either shape as an Emmett decider over the whole state (`{ streamId: aggregate }`),
 * for Emmett's `DeciderSpecification`: `decide` returns the events or throws DecisionRejected.
 */
export function asEmmettDecider(domain: object) {
  const module = toDomainModule(domain);
  type State = Readonly<Record<string, unknown>>;
  return {
    initialState: (): State => ({}),
    evolve(state: State, event: GivenEvent): State {
      const stream = event.stream ?? module.streamOf(event as DomainEvent);
      return { ...state, [stream]: module.evolve(state[stream], event as DomainEvent) };
    },
    decide(command: EmmettCommand, state: State): DomainEvent[] {
      const { commandId: id, now, actor } = command.metadata;
      const outcome = decideInput(module, envelope({ id, type: command.type, data: command.data, at: now.getTime() - VIRTUAL_EPOCH_MS, ...(actor !== undefined ? { actor } : {}) }), viewOf(state));
      const rejection = commandOutcomes(outcome).find((o) => !o.accepted)?.rejection;
      if (rejection) throw new DecisionRejected(rejection.code, rejection.message);
      return outcome.events.map((e) => ({ type: e.type, data: e.data }));
    },
  };
}

/** The rejection code a thrown error stands for (domain-modules.md: its `code`, else its class name in kebab case). */
export const rejectionCode = (error: unknown): string | undefined => rejectionOf(error)?.code;
