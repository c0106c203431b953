/**
 * The `state-store` interpreter: folds events with the domain's `evolve` into one aggregate per
 * stream. It is the state decisions read, so it is a StateView and kept fast (one Map lookup and
 * one `evolve` per event).
 *
 * Idempotency: by default an event counts as already enacted when its log slot (`seq`) already
 * holds its id. Within one run's log that is the same as "its id was enacted" (the engine gives
 * each event one seq, and the scenario validator keeps command ids, hence event ids, unique), and it
 * is ten times cheaper than a Set of a million strings. For foreign logs, where one id may come
 * back under another seq, pass `recognise: 'id'`.
 */
import type { AnyDecider, StateView, StreamId } from '../../../domain/kernel';
import { setOwn } from '../record';
import type { LogEntry } from '../types';
import type { EnactResult, Interpreter, InterpreterContext } from './interpreter';
import { alreadyEnacted, ENACTED, failed } from './results';

/** How an idempotent state store recognises an event it already enacted (see the file comment). */
export interface StateStoreOptions {
  readonly recognise?: 'seq' | 'id';
}

/** The state decisions read: evolve-folded aggregates by stream, with a version (events enacted). */
export class StateStore implements Interpreter, StateView<unknown> {
  readonly kind = 'state-store';
  private readonly aggregates = new Map<StreamId, unknown>();
  /** `recognise: 'seq'`: the id enacted at each seq (a dense array, fast). */
  private readonly idAtSeq: string[] | undefined;
  /** `recognise: 'id'`: every id enacted. */
  private readonly enactedIds: Set<string> | undefined;
  private enactedCount = 0;

  constructor(
    private readonly decider: AnyDecider,
    idempotent = true,
    options: StateStoreOptions = {},
  ) {
    const byId = options.recognise === 'id';
    this.idAtSeq = idempotent && !byId ? [] : undefined;
    this.enactedIds = idempotent && byId ? new Set() : undefined;
  }

  /** Events enacted so far (ignored duplicates and failures do not count). */
  get version(): number {
    return this.enactedCount;
  }

  /** The aggregate of a stream, or undefined when it has no events. */
  get(stream: StreamId): unknown {
    return this.aggregates.get(stream);
  }

  /** Folds one event into its stream's aggregate (the envelope's `stream`). */
  enact(event: LogEntry, _now: number): EnactResult {
    const slots = this.idAtSeq;
    const ids = this.enactedIds;
    if (slots !== undefined && slots[event.seq] === event.id) return alreadyEnacted(event.id);
    if (ids !== undefined && ids.has(event.id)) return alreadyEnacted(event.id);
    let next: unknown;
    try {
      next = this.decider.evolve(this.aggregates.get(event.stream), event);
    } catch (error) {
      return failed(error);
    }
    this.aggregates.set(event.stream, next);
    if (slots !== undefined) slots[event.seq] = event.id;
    else ids?.add(event.id);
    this.enactedCount++;
    return ENACTED;
  }

  /** The state as a plain `{ streamId: aggregate }` object, keys sorted. */
  snapshot(): Record<StreamId, unknown> {
    const out: Record<StreamId, unknown> = {};
    for (const stream of [...this.aggregates.keys()].sort()) setOwn(out, stream, this.aggregates.get(stream));
    return out;
  }

  /** Same as {@link snapshot}. */
  output(): Record<StreamId, unknown> {
    return this.snapshot();
  }
}

/** Factory for the registry. */
export const createStateStore = (context: InterpreterContext): StateStore => new StateStore(context.decider, context.idempotent);
