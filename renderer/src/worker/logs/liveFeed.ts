/**
 * The batches of a live source on their way into an import (sources.md, the app's Connect…):
 * the UI pushes each batch as the connection gives it; the import takes them in order. A push
 * resolves once the import took the batch, so a fast source waits for the store (backpressure).
 */
export class LiveFeed {
  private readonly queue: { batch: readonly unknown[]; taken: () => void }[] = [];
  private wake: (() => void) | undefined;
  private ended = false;

  /** Adds a batch; resolves when the import has taken it (at once when the feed has ended). */
  push(batch: readonly unknown[]): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise((taken) => {
      this.queue.push({ batch, taken });
      this.wake?.();
    });
  }

  /** No more batches: the import finishes with what it has. */
  end(): void {
    this.ended = true;
    this.wake?.();
  }

  /** The batches, in order, until the feed ends. */
  async *batches(): AsyncGenerator<readonly unknown[]> {
    for (;;) {
      const next = this.queue.shift();
      if (next) {
        next.taken();
        yield next.batch;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((r) => (this.wake = r));
      this.wake = undefined;
    }
  }
}
