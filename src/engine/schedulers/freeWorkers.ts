/** Busy/alive flags of a set of decision workers; hands out the lowest free id (stable lanes in the UI). */
export class FreeWorkers {
  private busy: Uint8Array;
  private alive: Uint8Array;
  private freeCount: number;
  /** Number of live workers. */
  aliveCount: number;

  constructor(capacity: number, initiallyAlive: number) {
    this.busy = new Uint8Array(capacity);
    this.alive = new Uint8Array(capacity);
    for (let i = 0; i < initiallyAlive; i++) this.alive[i] = 1;
    this.aliveCount = initiallyAlive;
    this.freeCount = initiallyAlive;
  }

  /** Whether some live worker is free. */
  get anyFree(): boolean {
    return this.freeCount > 0;
  }

  /** Takes the lowest free live worker, or -1. */
  take(): number {
    if (this.freeCount === 0) return -1;
    for (let i = 0; i < this.alive.length; i++) {
      if (this.alive[i] === 1 && this.busy[i] === 0) {
        this.busy[i] = 1;
        this.freeCount--;
        return i;
      }
    }
    return -1;
  }

  /** Takes a specific worker (it must be live and free). */
  takeId(id: number): void {
    this.busy[id] = 1;
    this.freeCount--;
  }

  /** Frees a worker. */
  release(id: number): void {
    this.busy[id] = 0;
    if (this.alive[id] === 1) this.freeCount++;
  }

  /** Whether a worker is live and free. */
  isFree(id: number): boolean {
    return this.alive[id] === 1 && this.busy[id] === 0;
  }

  /** Adds a worker with the lowest unused id (not free until {@link release}d); returns its id. */
  add(): number {
    for (let i = 0; i < this.alive.length; i++) {
      if (this.alive[i] === 0) {
        this.alive[i] = 1;
        this.busy[i] = 1;
        this.aliveCount++;
        return i;
      }
    }
    return -1;
  }

  /** Removes a free worker. */
  remove(id: number): void {
    if (this.busy[id] === 0) this.freeCount--;
    this.alive[id] = 0;
    this.busy[id] = 0;
    this.aliveCount--;
  }
}
