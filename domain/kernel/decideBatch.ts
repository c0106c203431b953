/**
 * Deciding commands and (nested) batches against a state, enacting nothing. Items are
 * decided in order, each against the state read plus earlier accepted items' events.
 * Pure; used by the engine's workers and by the dry-run API alike.
 */
import { authorize } from './authorization';
import { StateOverlay } from './overlay';
import {
  eventId,
  type AnyDomainModule,
  type AuthorizationContext,
  type CommandEnvelope,
  type CommandId,
  type DomainEvent,
  type EventEnvelope,
  type Rejection,
  type StateView,
} from './types';

export type BatchMode = 'all-or-nothing' | 'allow-partial';

/** A batch of commands (and nested batches) decided as one unit. */
export interface BatchEnvelope {
  readonly kind: 'batch';
  readonly id: string;
  readonly mode: BatchMode;
  readonly items: readonly DecisionInput[];
}

/** What a decision worker decides: one command or a batch. */
export type DecisionInput = CommandEnvelope | BatchEnvelope;

export const isBatch = (input: DecisionInput): input is BatchEnvelope => (input as BatchEnvelope).kind === 'batch';

/** The outcome of one command. */
export interface CommandOutcome {
  readonly kind: 'command';
  readonly command: CommandEnvelope;
  readonly accepted: boolean;
  readonly events: readonly EventEnvelope[];
  readonly rejection?: Rejection;
}

/** The outcome of a batch: its items' outcomes and the events it appends. */
export interface BatchOutcome {
  readonly kind: 'batch';
  readonly batch: BatchEnvelope;
  /** False when an all-or-nothing batch failed (it appends nothing). */
  readonly accepted: boolean;
  readonly items: readonly Outcome[];
  readonly events: readonly EventEnvelope[];
  /** For a failed all-or-nothing batch: the first failing command. */
  readonly rootCause?: CommandId;
}

export type Outcome = CommandOutcome | BatchOutcome;

/** The code of the innocent items of a failed all-or-nothing batch. */
export const BATCH_ABORTED = 'batch-aborted';

export interface DecideOptions {
  /** Run the central authorization policy before each decision. */
  readonly authorize?: AuthorizationContext;
  /** Correlation id for the produced events; defaults to the root command or batch id. */
  readonly correlationId?: string;
}

/** Wraps the events of one decision in envelopes: ids `<commandId>.<k>`, stream, causation. */
export function envelop(
  domain: AnyDomainModule,
  command: CommandEnvelope,
  events: readonly DomainEvent[],
  correlationId: string,
): EventEnvelope[] {
  return events.map((e, k) => ({
    id: eventId(`${command.id}.${k + 1}`),
    type: e.type,
    data: e.data,
    stream: domain.streamOf(e),
    causationId: command.id,
    correlationId,
    at: command.at,
  }));
}

/** Decides one command or batch against `state`; returns the outcome, enacting nothing. */
export function decideInput(domain: AnyDomainModule, input: DecisionInput, state: StateView<unknown>, options: DecideOptions = {}): Outcome {
  const correlationId = options.correlationId ?? input.id;
  // a plain command is decided against the state itself: nothing is decided after it, so it needs no overlay (the engine's hot path)
  if (!isBatch(input)) return decideCommand(domain, input, state, undefined, correlationId, options);
  return decideNode(domain, input, new StateOverlay<unknown>(state), correlationId, options);
}

const NO_EVENTS: readonly never[] = [];

/** Decides one command against `state`; its accepted events are folded into `overlay` when there is one (later batch items read them). */
function decideCommand(domain: AnyDomainModule, input: CommandEnvelope, state: StateView<unknown>, overlay: StateOverlay<unknown> | undefined, correlationId: string, options: DecideOptions): CommandOutcome {
  const denied = options.authorize ? authorize(domain, input, state, options.authorize) : undefined;
  if (denied) return { kind: 'command', command: input, accepted: false, events: NO_EVENTS, rejection: denied };
  const decision = domain.decide(input, state);
  if (decision.type === 'rejected') return { kind: 'command', command: input, accepted: false, events: NO_EVENTS, rejection: decision.rejection };
  overlay?.apply(domain, decision.events);
  return { kind: 'command', command: input, accepted: true, events: envelop(domain, input, decision.events, correlationId) };
}

function decideNode(domain: AnyDomainModule, input: DecisionInput, overlay: StateOverlay<unknown>, correlationId: string, options: DecideOptions): Outcome {
  if (!isBatch(input)) return decideCommand(domain, input, overlay, overlay, correlationId, options);
  const layer = new StateOverlay<unknown>(overlay);
  const items: Outcome[] = [];
  let firstFailure: CommandId | undefined;
  for (const item of input.items) {
    if (input.mode === 'all-or-nothing' && firstFailure !== undefined) {
      items.push(abort(item));
      continue;
    }
    const outcome = decideNode(domain, item, layer, correlationId, options);
    items.push(outcome);
    firstFailure ??= firstRejected(outcome);
  }
  if (input.mode === 'all-or-nothing' && firstFailure !== undefined) {
    return { kind: 'batch', batch: input, accepted: false, items: items.map((o) => rejectAll(o, firstFailure!)), events: NO_EVENTS, rootCause: firstFailure };
  }
  layer.commitInto(overlay);
  return { kind: 'batch', batch: input, accepted: true, items, events: items.flatMap((o) => o.events) };
}

/** The first rejected command in an outcome's subtree (what makes an all-or-nothing parent fail). */
function firstRejected(o: Outcome): CommandId | undefined {
  if (o.kind === 'command') return o.accepted ? undefined : o.command.id;
  if (o.rootCause) return o.rootCause;
  for (const item of o.items) {
    const r = firstRejected(item);
    if (r) return r;
  }
  return undefined;
}

const aborted: Rejection = { code: BATCH_ABORTED, message: 'another item of its all-or-nothing batch was rejected' };

function abort(input: DecisionInput): Outcome {
  if (!isBatch(input)) return { kind: 'command', command: input, accepted: false, events: NO_EVENTS, rejection: aborted };
  return { kind: 'batch', batch: input, accepted: false, items: input.items.map(abort), events: NO_EVENTS };
}

/** Marks every item rejected; the root cause keeps its own code, the rest are batch-aborted. */
function rejectAll(o: Outcome, rootCause: CommandId): Outcome {
  if (o.kind === 'command') {
    if (o.command.id === rootCause) return o;
    return { ...o, accepted: false, events: NO_EVENTS, rejection: aborted };
  }
  return { ...o, accepted: false, events: NO_EVENTS, items: o.items.map((i) => rejectAll(i, rootCause)) };
}

/** Every command outcome in an outcome tree, depth-first. */
export function commandOutcomes(o: Outcome): CommandOutcome[] {
  return o.kind === 'command' ? [o] : o.items.flatMap(commandOutcomes);
}
