/**
 * Tasks run one after another per key, in the order they were asked for: a task starts once every
 * task asked before it with the same key has settled (resolved or failed), so the last one asked
 * is the last to finish and its effects are the ones that stay. Tasks of other keys run meanwhile.
 * Used for the loads of one domain module (DomainModules: Reload pressed twice, a file-watch
 * reload during a manual one), where the earlier load finishing last would overwrite the later.
 */
export class SerialByKey {
  /** Per key, the last task asked for, settled either way (never rejects). */
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `task` once the tasks asked before it for `key` have settled (at once when none is pending); resolves or rejects as it does. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key);
    const result = before ? before.then(task) : task();
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
