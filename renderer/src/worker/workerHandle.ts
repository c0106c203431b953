/**
 * The one request/reply mechanism of the app's workers: Comlink (typed calls on an object the
 * worker exposes). A handle starts its worker on first use; `terminate` stops it — the only
 * way to stop synchronous work such as a run or a query — and rejects every call in flight
 * with the given error; the next call starts a fresh worker.
 */
import { releaseProxy, wrap, type Remote } from 'comlink';

/** Rejected when a call was stopped by Cancel. */
export class WorkerCancelled extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'WorkerCancelled';
  }
}

/** A worker exposing `T` with Comlink. */
export class WorkerHandle<T> {
  private worker: Worker | undefined;
  private remote: Remote<T> | undefined;
  private readonly inFlight = new Set<(error: Error) => void>();

  /** `make` creates the worker (Vite's `?worker` constructor); `name` names it in errors. */
  constructor(
    private readonly make: () => Worker,
    private readonly name: string,
  ) {}

  private ensure(): Remote<T> {
    if (this.remote) return this.remote;
    const worker = this.make();
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.terminate(new Error(event.message || `the ${this.name} worker failed`));
    });
    this.worker = worker;
    return (this.remote = wrap<T>(worker));
  }

  /** Calls the worker; rejects when it is terminated meanwhile. */
  call<R>(fn: (remote: Remote<T>) => Promise<R>): Promise<R> {
    const remote = this.ensure();
    return new Promise<R>((resolve, reject) => {
      this.inFlight.add(reject);
      fn(remote)
        .then(resolve, reject)
        .finally(() => this.inFlight.delete(reject));
    });
  }

  /** Whether calls are in flight. */
  get busy(): boolean {
    return this.inFlight.size > 0;
  }

  /** Stops the worker; calls in flight reject with `error`. */
  terminate(error: Error = new WorkerCancelled()): void {
    this.remote?.[releaseProxy]();
    this.worker?.terminate();
    this.remote = undefined;
    this.worker = undefined;
    for (const reject of this.inFlight) reject(error);
    this.inFlight.clear();
  }
}
