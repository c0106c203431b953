/** A copy-on-write view of the state: reads fall through to a base view, writes stay local. */
import type { AnyDomainModule, DomainEvent, StateView, StreamId } from './types';

/** A writable layer over a read-only state; used to decide batch items against earlier items. */
export class StateOverlay<A> implements StateView<A> {
  private readonly local = new Map<StreamId, A>();
  constructor(private readonly base: StateView<A>) {}

  get(stream: StreamId): A | undefined {
    return this.local.has(stream) ? this.local.get(stream) : this.base.get(stream);
  }

  /** Folds events into this layer with the domain's evolve. */
  apply(domain: AnyDomainModule, events: readonly DomainEvent[]): void {
    for (const e of events) {
      const stream = domain.streamOf(e);
      this.local.set(stream, domain.evolve(this.get(stream), e) as A);
    }
  }

  /** Copies this layer's writes into a parent layer (a nested batch that succeeded). */
  commitInto(parent: StateOverlay<A>): void {
    for (const [k, v] of this.local) parent.local.set(k, v);
  }
}

/** A state view over a plain `{ streamId: aggregate }` record. */
export const viewOf = <A>(state: Readonly<Record<StreamId, A>>): StateView<A> => ({
  get: (stream) => (Object.prototype.hasOwnProperty.call(state, stream) ? state[stream] : undefined),
});

/** Folds events into a plain state record, returning a new record. Pure. */
export function evolveRecord<A>(
  domain: AnyDomainModule,
  state: Readonly<Record<StreamId, A>>,
  events: readonly DomainEvent[],
): Record<StreamId, A> {
  const next: Record<StreamId, A> = { ...state };
  for (const e of events) {
    const stream = domain.streamOf(e);
    next[stream] = domain.evolve(next[stream], e) as A;
  }
  return next;
}
