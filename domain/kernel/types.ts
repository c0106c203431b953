/**
 * The decider kernel: what a domain author writes (a {@link Decider}, or an Emmett-style
 * {@link EmmettDecider}) and the complete {@link DomainModule} the tools derive from it.
 * Everything here is pure data and pure functions: no clock, no randomness, no I/O.
 */
import type { JsonSchema } from './schema';

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

/**
 * A command with its whole identity: id, timestamp (`at`, virtual ms) and actor. Distributes
 * over a union of commands, so `switch (command.type)` narrows `data` with it (no casts).
 */
export type CommandEnvelope<C extends Command = Command> = C extends Command
  ? {
      readonly id: CommandId;
      readonly type: C['type'];
      readonly data: C['data'];
      /** The command's timestamp: the only way time reaches a domain. */
      readonly at: number;
      readonly actor?: string;
    }
  : never;

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
export type AuthorizationRule<C extends Command, A> = (command: CommandEnvelope<C>, state: StateView<A>, context: AuthorizationContext) => string | undefined;

/** Authorization rules by command type, each seeing its own command's data. */
export type AuthorizationRules<C extends Command, A> = { readonly [T in C['type']]?: AuthorizationRule<Extract<C, { readonly type: T }>, A> };

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

/** A domain's SQL projection: its tables and the statements enacting an event. */
export interface SqlProjection<E extends DomainEvent> {
  readonly tables: readonly TableDeclaration[];
  statementsFor(event: E): readonly SqlStatement[];
}

/** What a domain may declare besides its functions (domain-modules.md; all optional, with defaults). */
export interface DomainExtras<C extends Command, E extends DomainEvent, A> {
  /** Default: the module's file name. */
  readonly id?: string;
  readonly title?: string;
  readonly summary?: string;
  /** JSON Schema per command type; default: any command type, any object. */
  readonly commandSchemas?: Readonly<Record<C['type'], JsonSchema>>;
  /** JSON Schema per event type; default: any event type, any object. */
  readonly eventSchemas?: Readonly<Record<E['type'], JsonSchema>>;
  readonly invariants?: readonly Invariant<A>[];
  readonly authorization?: AuthorizationRules<C, A>;
  readonly capacity?: CapacityHook<C, A>;
  readonly sql?: SqlProjection<E>;
}

/**
 * A domain in Purestream's shape, as its author writes it: `decide` reads any stream through
 * the state view, `evolve` folds an event into its stream's aggregate, `streamOf` names an
 * event's stream. `partitionKey` returns every aggregate a command may touch (one key or
 * several, including ones it creates); runs under `partitioned`, `single-writer` and
 * `capacity-aware` need it.
 */
export interface Decider<C extends Command = Command, E extends DomainEvent = DomainEvent, A = unknown> extends DomainExtras<C, E, A> {
  decide(command: CommandEnvelope<C>, state: StateView<A>): Decision<E>;
  evolve(aggregate: A | undefined, event: E): A;
  streamOf(event: E): StreamId;
  partitionKey?(command: CommandEnvelope<C>, state: StateView<A>): string | readonly string[];
}

/** What an Emmett-style `decide` gets besides type and data (`now` is the command's `at`). */
export interface CommandMetadata {
  readonly now: Date;
  readonly commandId: string;
  readonly actor?: string;
}

/** A command as an Emmett-style decider receives it. Distributes over a union of commands. */
export type EmmettCommand<C extends Command = Command> = C extends Command
  ? { readonly type: C['type']; readonly data: C['data']; readonly metadata: CommandMetadata }
  : never;

/**
 * An Emmett-style decider (recognised by `initialState` being a function): one aggregate per
 * stream, `streamOf(command)` names the stream a command addresses; `decide` returns an event
 * or several and throws to reject (the code is the error's `code`, else its class name).
 */
export interface EmmettDecider<C extends Command = Command, E extends DomainEvent = DomainEvent, S = unknown> extends DomainExtras<C, E, S> {
  decide(command: EmmettCommand<C>, state: S): E | readonly E[];
  evolve(state: S, event: E): S;
  initialState(): S;
  streamOf(command: EmmettCommand<C>): StreamId;
}

/** One payload schema, compiled: a fast yes/no, the problems in words, the defaults filled. */
export interface PayloadCheck {
  test(value: unknown): boolean;
  /** Every problem, each naming its field by path (`data.qty`). */
  problems(value: unknown, path: string): ValidationError[];
  /** A copy with the schema's defaults filled in for missing fields (the value itself when none apply). */
  withDefaults<T>(value: T): T;
}

/** One validation problem: the path of the field (`data.name.first`) and what is wrong. */
export interface ValidationError {
  readonly path: string;
  readonly message: string;
}

/** What the tools know of a domain as data: names, schemas, compiled checks; no domain function. */
export interface DomainInfo {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly shape: 'purestream' | 'emmett';
  /** The declared schemas (empty when the module declares none: then any type is accepted). */
  readonly commandSchemas: Readonly<Record<string, JsonSchema>>;
  readonly eventSchemas: Readonly<Record<string, JsonSchema>>;
  readonly declaresCommands: boolean;
  readonly declaresEvents: boolean;
  /** The check of a command's (event's) payload; undefined for a type the domain does not declare. */
  commandCheck(type: string): PayloadCheck | undefined;
  eventCheck(type: string): PayloadCheck | undefined;
  /** Whether the domain names partition keys itself (Emmett shape: the addressed stream). */
  readonly keyed: boolean;
  readonly invariants: readonly { readonly name: string; readonly description: string }[];
  /** The command types with an authorization rule. */
  readonly authorization: Readonly<Record<string, unknown>>;
  readonly capacity?: unknown;
  readonly sql?: { readonly tables: readonly TableDeclaration[] };
}

/**
 * A domain complete, as the engine, logs and UI use it: built once from what the author wrote
 * (src/engine/module/domainModule.ts), every default filled and every shape adapted.
 */
export interface DomainModule<C extends Command = Command, E extends DomainEvent = DomainEvent, A = unknown> extends DomainInfo {
  decide(command: CommandEnvelope<C>, state: StateView<A>): Decision<E>;
  evolve(aggregate: A | undefined, event: E): A;
  streamOf(event: E): StreamId;
  partitionKey(command: CommandEnvelope<C>, state: StateView<A>): string | readonly string[];
  readonly invariants: readonly Invariant<A>[];
  readonly authorization: AuthorizationRules<C, A>;
  readonly capacity?: CapacityHook<C, A>;
  readonly sql?: SqlProjection<E>;
}

/** Any domain module, as the engine and tools handle it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDomainModule = DomainModule<any, any, any>;

/** Shorthand constructors for decisions. */
export const accept = <E extends DomainEvent>(...events: E[]): Decision<E> => ({ type: 'accepted', events });
export const reject = (code: string, message: string): Decision<never> => ({
  type: 'rejected',
  rejection: { code, message },
});
