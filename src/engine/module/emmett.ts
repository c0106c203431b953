/**
 * The one adapter from an Emmett-style decider (`decide(command, state)`, `evolve(state,
 * event)`, `initialState()`, `streamOf(command)`) to Purestream's shape (domain-modules.md):
 * one aggregate per stream; a command reaches `decide` as `{ type, data, metadata: { now,
 * commandId, actor } }` (`now` a Date made from the command's `at`) with the state of the
 * stream `streamOf(command)` names; the events returned (one or an array) are appended to
 * that stream, which is also the command's partition key; a throw is a rejection. Pure.
 */
import type { CommandEnvelope, Decision, DomainEvent, EmmettCommand, Rejection, StateView } from '../../../domain/kernel';
import { errorText } from './callGuard';
import { isModuleFault } from './moduleProblem';
import { VIRTUAL_EPOCH_MS } from '../virtualTime';

/** The author's four functions (already guarded when the module is not bundled). */
export interface EmmettFunctions {
  decide(command: EmmettCommand, state: unknown): unknown;
  evolve(state: unknown, event: DomainEvent): unknown;
  initialState(): unknown;
  streamOf(command: EmmettCommand): unknown;
}

/** Errors that mean a bug in `decide`, not a rejection (unless they carry a string `code`). */
const BUG_ERRORS = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'RangeError', 'EvalError', 'URIError']);

const nameOf = (error: object): string => (error.constructor as { name?: unknown } | undefined)?.name as string | undefined || (error as Error).name || 'Error';

/** `IllegalStateError` → `illegal-state`; `CartClosed` → `cart-closed`. */
export const kebabCode = (className: string): string =>
  className
    .replace(/Error$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase() || 'error';

/**
 * The rejection a thrown error stands for: code = its `code` when that is a string, else its
 * class name in kebab case without `Error`; message = its message. Undefined for an error that
 * means a bug (a TypeError and the like without a string code).
 */
export function rejectionOf(error: unknown): Rejection | undefined {
  if (typeof error !== 'object' || error === null) return { code: 'error', message: errorText(error) };
  const code = (error as { code?: unknown }).code;
  const message = typeof (error as Error).message === 'string' ? (error as Error).message : '';
  if (typeof code === 'string' && code.length > 0) return { code, message };
  const name = nameOf(error);
  if (BUG_ERRORS.has(name)) return undefined;
  return { code: kebabCode(name), message };
}

/** True when a throw of an Emmett `decide` is a rejection (what the guard lets through). */
export const isRejection = (error: unknown): boolean => !isModuleFault(error) && rejectionOf(error) !== undefined;

/**
 * The command as an Emmett-style `decide` receives it. `now` is the command's `at` on the
 * virtual clock's epoch (2026-01-01T00:00:00Z + at, as exports write it); `dateOf` makes it in
 * the module's realm.
 */
export function emmettCommand(command: CommandEnvelope, dateOf: (ms: number) => Date): EmmettCommand {
  const now = dateOf(VIRTUAL_EPOCH_MS + command.at);
  const metadata = command.actor !== undefined ? { now, commandId: command.id, actor: command.actor } : { now, commandId: command.id };
  return { type: command.type, data: command.data, metadata };
}

/** Purestream's decide, evolve, streamOf and partitionKey over an Emmett-style decider's functions. */
export function adaptEmmett(fns: EmmettFunctions, dateOf: (ms: number) => Date) {
  /** The stream of each event a decision returned (an Emmett event does not name its stream). */
  const streams = new WeakMap<object, string>();
  const stateOf = (view: StateView<unknown>, stream: string): unknown => {
    const aggregate = view.get(stream);
    return aggregate === undefined ? fns.initialState() : aggregate;
  };
  return {
    decide(command: CommandEnvelope, view: StateView<unknown>): Decision {
      const c = emmettCommand(command, dateOf);
      const stream = fns.streamOf(c) as string;
      let out: unknown;
      try {
        out = fns.decide(c, stateOf(view, stream));
      } catch (error) {
        const rejection = isModuleFault(error) ? undefined : rejectionOf(error);
        if (!rejection) throw error;
        return { type: 'rejected', rejection };
      }
      const events = (Array.isArray(out) ? out : [out]) as DomainEvent[];
      for (const e of events) streams.set(e, stream);
      return { type: 'accepted', events };
    },
    evolve: (aggregate: unknown, event: DomainEvent): unknown => fns.evolve(aggregate === undefined ? fns.initialState() : aggregate, event),
    /** The stream of an event this module decided, or the one a recorded event names (a log's `stream`). */
    streamOf(event: DomainEvent): string {
      const stream = streams.get(event) ?? (event as { stream?: unknown }).stream;
      if (typeof stream !== 'string' || stream.length === 0)
        throw new Error(`an Emmett-style decider names streams by command (streamOf(command)); this ${event.type} event comes with no stream`);
      return stream;
    },
    partitionKey: (command: CommandEnvelope): string => fns.streamOf(emmettCommand(command, dateOf)) as string,
  };
}
