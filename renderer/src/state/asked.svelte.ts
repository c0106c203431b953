/**
 * The latest answer of an asynchronous read (a RunReader query) that depends on reactive values:
 * `ask` is re-run when what it reads changes; an answer that arrives after a newer question was
 * asked is dropped. Construct it while a component initializes (it owns an effect).
 */

/** A question as a promise factory, or undefined when there is nothing to ask. */
export type Question<T> = (() => Promise<T>) | undefined;

/** The answer of the latest question, the previous one until it arrives. */
export class Asked<T> {
  /** The latest answer (the previous question's while the latest is pending). */
  value = $state.raw<T | undefined>(undefined);
  /** True while the latest question is unanswered. */
  pending = $state.raw(false);
  error = $state.raw<string | undefined>(undefined);
  private ticket = 0;

  /** `ask` gives the question for the current reactive values; `delayMs` waits that long (debounce) before asking. */
  constructor(ask: () => Question<T>, delayMs = 0) {
    $effect(() => {
      const question = ask();
      const ticket = ++this.ticket;
      if (!question) {
        this.value = undefined;
        this.pending = false;
        return;
      }
      this.pending = true;
      const go = () =>
        question().then(
          (value) => {
            if (ticket !== this.ticket) return;
            this.value = value;
            this.error = undefined;
            this.pending = false;
          },
          (e: unknown) => {
            if (ticket !== this.ticket) return;
            this.error = e instanceof Error ? e.message : String(e);
            this.pending = false;
          },
        );
      if (delayMs <= 0) {
        void go();
        return;
      }
      const timer = setTimeout(go, delayMs);
      return () => clearTimeout(timer);
    });
  }
}
