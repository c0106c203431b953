/**
 * Busy/alive state of a set of decision (or enactment) workers; hands out the lowest free id
 * (stable lanes in the UI). Free and unused ids live in {@link IdSet}s, so every operation costs
 * O(log32 capacity) whatever the number of idle workers (a million workers, millions of arrivals).
 */
import { IdSet } from './idSet';

/** The workers of one scheduler or consumer: ids `0..capacity-1`, the first `initiallyAlive` alive. */
export class FreeWorkers {
  /** Alive and not busy. */
  private readonly free: IdSet;
  /** Not alive: ids an `add` may bring to life. */
  private readonly unused: IdSet;
  /** Number of live workers. */
  aliveCount: number;

  constructor(capacity: number, initiallyAlive: number) {
    this.free = new IdSet(capacity);
    this.unused = new IdSet(capacity);
    this.free.addRange(0, initiallyAlive);
    this.unused.addRange(initiallyAlive, capacity);
    this.aliveCount = initiallyAlive;
  }

  /** Whether some live worker is free. */
  get anyFree(): boolean {
    return this.free.size > 0;
  }

  /** Takes the lowest free live worker, or -1. */
  take(): number {
    const id = this.free.lowest();
    if (id >= 0) this.free.delete(id);
    return id;
  }

  /** Frees a worker (a removed one stays removed). */
  release(id: number): void {
    if (!this.unused.has(id)) this.free.add(id);
  }

  /** Whether a worker is live and free. */
  isFree(id: number): boolean {
    return this.free.has(id);
  }

  /** Adds a worker with the lowest unused id (busy until {@link release}d); returns its id, or -1 when all are alive. */
  add(): number {
    const id = this.unused.lowest();
    if (id < 0) return -1;
    this.unused.delete(id);
    this.aliveCount++;
    return id;
  }

  /** Removes a free worker. */
  remove(id: number): void {
    this.free.delete(id);
    this.unused.add(id);
    this.aliveCount--;
  }
}
