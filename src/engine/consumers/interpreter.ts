/**
 * The interpreter interface: how a consumer enacts one event. Interpreters are swappable per
 * consumer (`state-store`, `sql`, `notifier`, `audit-log`, ...); delivery policies (latency,
 * failures, retries, guarantees) live in the engine around them, never inside.
 */
import type { AnyDecider } from '../../../domain/kernel';
import type { HasherFactory } from '../report/stateHash';
import type { LogEntry } from '../types';

/** What enacting one event did. */
export type EnactResult = { readonly type: 'enacted' } | { readonly type: 'ignored'; readonly reason: string } | { readonly type: 'failed'; readonly message: string };

export interface Interpreter {
  readonly kind: string;
  /** Enacts one event. Idempotent interpreters return `ignored` for an event id already enacted. */
  enact(event: LogEntry, now: number): EnactResult;
  /** What the interpreter produced, as plain JSON for reports and views (outbox, audit log, tables). */
  output(): unknown;
  /** Frees what the interpreter holds outside the JS heap (the `sql` database); optional. */
  dispose?(): void;
}

/** What an interpreter factory receives. */
export interface InterpreterContext {
  readonly decider: AnyDecider;
  readonly consumer: string;
  readonly idempotent: boolean;
  /** Services injected by the host (e.g. the sql.js module), so the engine does no I/O itself. */
  readonly services: EngineServices;
}

/** Host-provided services; the engine never loads them itself. */
export interface EngineServices {
  /** The initialised sql.js module (`await initSqlJs(...)`), needed by `sql` consumers. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly sqlJs?: any;
  /** The SHA-256 of `stateHash` (the CLI passes node:crypto's); pure JS by default. Same hash either way. */
  readonly hasher?: HasherFactory;
}

export type InterpreterFactory = (context: InterpreterContext) => Interpreter;
