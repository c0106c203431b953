/**
 * A store's earlier events read in another process (the desktop app: the store is read in the main
 * process, the records inspected in the renderer's workers): the same EarlierEvents the
 * inspection's EarlierReplay (./earlierReplay) asks, its streams named by the store's reader's
 * StreamNaming, its pages fetched by `load` — the main process's source session over the preload
 * API (src/main/sourceSessions' `earlier`). Pure.
 */
import { streamOfRecord, type StreamNaming } from './streamNaming';
import type { EarlierEvents } from './types';

/** One page of a stream's earlier events: with `more` false, the first of `record`'s stream; with `more` true, the next of the same load. Rejects with the reason a load failed. */
export type EarlierPageLoad = (record: object, more: boolean) => Promise<{ readonly rows: readonly object[]; readonly done: boolean }>;

/** What a live read hands its inspection to load its streams' earlier events with (plain data and one function: it crosses to a worker). */
export interface RemoteEarlier {
  readonly naming: StreamNaming;
  readonly load: EarlierPageLoad;
}

/** EarlierEvents read through `load` (the page size is the loader's own). */
export function remoteEarlierEvents({ naming, load }: RemoteEarlier): EarlierEvents {
  return {
    naming,
    streamOf: streamOfRecord(naming),
    async *before(record) {
      for (let more = false; ; more = true) {
        const { rows, done } = await load(record, more);
        if (rows.length > 0) yield rows;
        if (done) return;
      }
    },
  };
}
