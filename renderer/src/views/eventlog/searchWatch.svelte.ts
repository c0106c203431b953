/**
 * How far the logs worker's search for an event table's filter got (a filter no index serves:
 * renderer/lib/eventlog/filterSeqs), asked every POLL_MS while the table waits for rows, so the
 * table can say "searching… 40%" and offer Stop. Nothing is asked while no search runs.
 */
import type { SearchProgress } from '../../../lib/workspace/logsProtocol';
import type { LogsClient } from '../../worker/logsClient';

/** How often the progress is asked, in ms. */
const POLL_MS = 250;

/** The progress of one table's search. */
export class SearchWatch {
  /** How far the search got; undefined while none runs (or before its first answer). */
  progress = $state.raw<SearchProgress | undefined>(undefined);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  /** `client`: the table's logs worker (as it is now); `asker`: the id the table asks the worker for rows under. */
  constructor(
    private readonly client: () => LogsClient,
    readonly asker: string,
  ) {}

  /** Starts asking (a search may be running); asking again restarts. */
  watch(): void {
    this.end();
    const mine = ++this.generation;
    const ask = () => {
      this.timer = setTimeout(() => {
        void this.client().api.searchProgress(this.asker).then((p) => {
          if (mine !== this.generation) return;
          this.progress = p;
          ask();
        });
      }, POLL_MS);
    };
    ask();
  }

  /** Stops asking: the rows came. */
  end(): void {
    this.generation++;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.progress = undefined;
  }

  /** Stops the search in the worker (the table drops the filters it was for). */
  stop(): void {
    void this.client().api.stopSearch(this.asker);
    this.end();
  }
}
