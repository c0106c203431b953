/**
 * The decider kernel: the types every bundled domain implements.
 * Everything here is pure data and pure functions: no clock, no randomness, no I/O.
 */
import type { ObjectSchema } from './schema';

/** Branded command id; construct with {@link commandId}. */
export type CommandId = string & { readonly __brand: 'CommandId' };
/** Branded event id; construct with {@link eventId}. */
export type EventId = string & { readonly __brand: 'EventId' };
/** Branded stream id (`stock:tee@main`, `profile:p1`). */
export type StreamId = string;

/** The one constructor of a CommandId. */
export const commandId = (raw: string): CommandId => raw as CommandId;
/** The one constructor of an EventId. */
export const eventId = (raw: string): EventId => raw as EventId;

/** A command as the domain sees it: an imperative type and its payload. */
export interface Command<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/** A domain event as `decide` returns it: a past-tense type and its payload. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/** A command with its whole identity: id, timestamp (`at`, virtual ms) and actor. */
export interface CommandEnvelope<C extends Command = Command> {
  readonly id: CommandId;
  readonly type: C['type'];
  readonly data: C['data'];
  /** The command's timestamp: the only way time reaches a domain. */
  readonly at: number;
  readonly actor?: string;
}

/** An event with its identity: which stream it belongs to and which command produced it. */
export interface EventEnvelope<E extends DomainEvent = DomainEvent> {
  readonly id: EventId;
  readonly type: E['type'];
  readonly data: E['data'];
  readonly stream: StreamId;
  /** The id of the command whose decision produced this event. */
  readonly causationId: CommandId;
  /** The id of the root command or batch the command belongs to. */
  readonly correlationId: string;
  /** Timestamp of the causing command. */
  readonly at: number;
}

/** A rejection: a contract code (tests and users match on it) and a readable message. */
export interface Rejection {
  readonly code: string;
  readonly message: string;
}

/** What `decide` returns: the events that record a change, or a rejection. */
export type Decision<E extends DomainEvent = DomainEvent> =
  | { readonly type: 'accepted'; readonly events: readonly E[] }
  | { readonly type: 'rejected'; readonly rejection: Rejection };

/** Read-only view of the state: one aggregate per stream. */
export interface StateView<A> {
  get(stream: StreamId): A | undefined;
}

/** A named check over one aggregate; returns a message when the aggregate breaks it. */
export interface Invariant<A> {
  readonly name: string;
  readonly description: string;
  violation(stream: StreamId, aggregate: A): string | undefined;
}

/** Context for authorization: who asks (the command's actor is on the command itself). */
export interface AuthorizationContext {
  readonly now: number;
}

/** A rule for one command type: returns a denial message, or undefined when allowed. */
export type AuthorizationRule<C extends Command, A> = (
  command: CommandEnvelope<C>,
  state: StateView<A>,
  context: AuthorizationContext,
) => string | undefined;

/** The hook the `capacity-aware` scheduler uses: capacity left for a key, demand of a command. */
export interface CapacityHook<C extends Command, A> {
  capacityOf(key: string, state: StateView<A>): number;
  demandOf(command: CommandEnvelope<C>): number;
}

/** A table a domain declares for SQL interpreters: name and `CREATE TABLE` statement. */
export interface TableDeclaration {
  readonly name: string;
  readonly create: string;
}

/** SQL statements that enact one event (parameters positional). */
export interface SqlStatement {
  readonly sql: string;
  readonly params: readonly (string | number | null)[];
}

/** One bundled domain: the decider plus everything the tools need to run and show it. */
export interface Decider<C extends Command = Command, E extends DomainEvent = DomainEvent, A = unknown> {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** The aggregate of a stream that has no events yet. */
  readonly initialState: undefined;
  decide(command: CommandEnvelope<C>, state: StateView<A>): Decision<E>;
  /** Folds one event into its stream's aggregate. */
  evolve(aggregate: A | undefined, event: E): A;
  /** The stream an event belongs to. */
  streamOf(event: E): StreamId;
  readonly commandSchemas: Readonly<Record<C['type'], ObjectSchema>>;
  readonly eventSchemas: Readonly<Record<E['type'], ObjectSchema>>;
  /**
   * The partition key, or several: every aggregate the command may touch, including ones it
   * creates (domain-modules.md). `single-writer` holds all of them while the command is
   * decided; `partitioned` and `capacity-aware` route by the first.
   */
  partitionKey(command: CommandEnvelope<C>, state: StateView<A>): string | readonly string[];
  readonly invariants: readonly Invariant<A>[];
  readonly authorization: Readonly<Partial<Record<C['type'], AuthorizationRule<C, A>>>>;
  readonly capacity?: CapacityHook<C, A>;
  /** Optional SQL projection: the domain's tables and the statements enacting an event. */
  readonly sql?: {
    readonly tables: readonly TableDeclaration[];
    statementsFor(event: E): readonly SqlStatement[];
  };
}

/** Any decider, as the engine and tools handle it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDecider = Decider<any, any, any>;

/** Shorthand constructors for decisions. */
export const accept = <E extends DomainEvent>(...events: E[]): Decision<E> => ({ type: 'accepted', events });
export const reject = (code: string, message: string): Decision<never> => ({
  type: 'rejected',
  rejection: { code, message },
});
