/**
 * `publish`: a run's events into a JetStream stream as structured CloudEvents (sources.md,
 * "Sinks"), each deduplicated by its event id (`Nats-Msg-Id`), so publishing the same run again
 * adds nothing within the stream's duplicate window. The stream is created (subjects
 * `<STREAM>.>`) when it does not exist. Events go in log order on one connection, many in
 * flight at once. Each message names its run in a `Purestream-Run` header, so a later publish
 * can tell whether the stream already holds this run or another one (whose event ids may repeat
 * this run's: ids such as `s1.1` are per run, and the stream drops repeats). An event the stream
 * drops is told apart by the message it kept under that id (a duplicate's acknowledgement gives its
 * sequence): this run's, published before, or another run's — then this run's event was not kept.
 */
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import { reasonOf } from '../types';
import { eventSubject, type CloudEvent } from './runCloudEvents';

/** Which run a message came from: its scenario, run and seed. */
export interface PublishedRun {
  readonly scenario: string;
  readonly run: string;
  readonly seed: number;
}

/** The header naming a message's run (its value: the PublishedRun as JSON). */
export const RUN_HEADER = 'Purestream-Run';

/** What a publish did. */
export interface PublishResult {
  readonly published: number;
  /** Events the stream already had (same id within its duplicate window), not stored again. */
  readonly duplicates: number;
  /**
   * Of the duplicates, those whose id the stream holds in a message of another run (or one not
   * published by Purestream): events of this run the stream did not keep.
   */
  readonly dropped: number;
  /**
   * What the stream held before: its first message's run (`Purestream-Run`), `foreign` when that
   * message was not published by Purestream, absent when the stream was empty.
   */
  readonly before?: PublishedRun | 'foreign';
  /** The stream sequences of the first and last event stored, when any was. */
  readonly firstSeq?: number;
  readonly lastSeq?: number;
  readonly created: boolean;
}

/** Messages in flight at once. */
const WINDOW = 256;

/** What to do when a stream's subjects are not the run's to take. */
const OWN_STREAM = 'publish the run to a stream of another name (publish creates it)';

/**
 * Makes sure `stream` exists and takes `<stream>.>`; creates it when missing; a message saying
 * what is wrong and what to do otherwise (its subjects are others, or another stream takes them).
 */
export async function ensureStream(jsm: JetStreamManager, stream: string): Promise<boolean> {
  let subjects: readonly string[];
  try {
    subjects = (await jsm.streams.info(stream)).config.subjects ?? [];
  } catch (error) {
    if (!/not found/i.test(reasonOf(error))) throw error;
    await jsm.streams.add({ name: stream, subjects: [`${stream}.>`] }).catch(async (added: unknown) => {
      if (!/overlap/i.test(reasonOf(added))) throw added;
      const other = await jsm.streams.find(`${stream}.>`).catch(() => undefined);
      throw new Error(`stream ${stream} cannot be created: ${other ? `stream ${other}` : 'another stream'} already takes subjects of ${stream}.>, where events are published; ${OWN_STREAM}`);
    });
    return true;
  }
  if (!subjects.some((s) => s === `${stream}.>` || s === '>')) throw new Error(`stream ${stream} takes the subjects ${subjects.join(', ') || '(none)'}, not ${stream}.> where events are published; ${OWN_STREAM}`);
  return false;
}

/** The run the stream's first message names (undefined: an empty stream; `foreign`: a message without a readable `Purestream-Run`). */
export async function runInStream(jsm: JetStreamManager, stream: string): Promise<PublishedRun | 'foreign' | undefined> {
  const { state } = await jsm.streams.info(stream);
  if (state.messages === 0) return undefined;
  const first = await jsm.streams.getMessage(stream, { seq: state.first_seq }).catch(() => null);
  return publishedRunOf(first?.header?.get(RUN_HEADER));
}

/** The run a `Purestream-Run` header's value names; `foreign` when there is none or it cannot be read. */
export function publishedRunOf(value: string | undefined): PublishedRun | 'foreign' {
  if (!value) return 'foreign';
  try {
    const run = JSON.parse(value) as Partial<PublishedRun>;
    return typeof run.scenario === 'string' && typeof run.run === 'string' && typeof run.seed === 'number' ? { scenario: run.scenario, run: run.run, seed: run.seed } : 'foreign';
  } catch {
    return 'foreign';
  }
}

/** Whether two runs are the same run (scenario, run and seed). */
export const sameRun = (a: PublishedRun, b: PublishedRun): boolean => a.scenario === b.scenario && a.run === b.run && a.seed === b.seed;

/** How many of the messages at `seqs` (a sequence may repeat) are not of `run`: another run's, a foreign producer's, or gone since. */
async function notOfRun(jsm: JetStreamManager, stream: string, seqs: readonly number[], run: PublishedRun): Promise<number> {
  const distinct = [...new Set(seqs)];
  const ours = new Set<number>();
  for (let i = 0; i < distinct.length; i += WINDOW) {
    await Promise.all(
      distinct.slice(i, i + WINDOW).map(async (seq) => {
        const kept = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
        const of = publishedRunOf(kept?.header?.get(RUN_HEADER));
        if (of !== 'foreign' && sameRun(of, run)) ours.add(seq);
      }),
    );
  }
  return seqs.filter((seq) => !ours.has(seq)).length;
}

/**
 * Publishes the events of `run` in order; resolves once the stream has acknowledged every one,
 * with what the stream held before and which events it did not keep (`dropped`).
 */
export async function publishCloudEvents(
  nc: NatsConnection,
  stream: string,
  events: readonly CloudEvent[],
  run: PublishedRun,
  options: { readonly onProgress?: (done: number) => void } = {},
): Promise<PublishResult> {
  const { onProgress } = options;
  const jsm = await jetstreamManager(nc);
  const created = await ensureStream(jsm, stream);
  const before = created ? undefined : await runInStream(jsm, stream);
  const js = jsm.jetstream();
  const h = headers();
  h.set('Content-Type', 'application/cloudevents+json');
  h.set(RUN_HEADER, JSON.stringify({ scenario: run.scenario, run: run.run, seed: run.seed }));
  let published = 0;
  let duplicates = 0;
  let firstSeq: number | undefined;
  let lastSeq: number | undefined;
  /** The sequences of the messages the stream kept in place of a duplicate, one per duplicate. */
  const keptInstead: number[] = [];
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    inFlight.push(
      js.publish(eventSubject(stream, event), JSON.stringify(event), { msgID: String(event.id), headers: h }).then((ack) => {
        if (ack.duplicate) {
          duplicates++;
          keptInstead.push(ack.seq);
        } else {
          published++;
          firstSeq = firstSeq === undefined ? ack.seq : Math.min(firstSeq, ack.seq);
          lastSeq = lastSeq === undefined ? ack.seq : Math.max(lastSeq, ack.seq);
        }
      }),
    );
    if (inFlight.length >= WINDOW) {
      await Promise.all(inFlight.splice(0));
      onProgress?.(i + 1);
    }
  }
  await Promise.all(inFlight);
  onProgress?.(events.length);
  // a stream that begins with this run holds the run's own events under these ids
  const dropped = before === undefined || (before !== 'foreign' && sameRun(before, run)) ? 0 : await notOfRun(jsm, stream, keptInstead, run);
  return { published, duplicates, dropped, ...(before !== undefined ? { before } : {}), ...(firstSeq !== undefined ? { firstSeq, lastSeq } : {}), created };
}
