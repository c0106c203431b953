/**
 * `publish`: a run's events into a JetStream stream as structured CloudEvents (sources.md,
 * "Sinks"), each deduplicated by its event id (`Nats-Msg-Id`), so publishing the same run again
 * adds nothing within the stream's duplicate window. The stream is created (subjects
 * `<STREAM>.>`) when it does not exist. Events go in log order on one connection, many in
 * flight at once.
 */
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import { reasonOf } from '../types';
import { eventSubject, type CloudEvent } from './runCloudEvents';

/** What a publish did. */
export interface PublishResult {
  readonly published: number;
  /** Events the stream already had (same id within its duplicate window). */
  readonly duplicates: number;
  /** The stream sequences of the first and last event stored, when any was. */
  readonly firstSeq?: number;
  readonly lastSeq?: number;
  readonly created: boolean;
}

/** Messages in flight at once. */
const WINDOW = 256;

/** Makes sure `stream` exists and takes `<stream>.>`; creates it when missing; a message saying what is wrong otherwise. */
export async function ensureStream(jsm: JetStreamManager, stream: string): Promise<boolean> {
  try {
    const info = await jsm.streams.info(stream);
    const subjects = info.config.subjects ?? [];
    if (!subjects.some((s) => s === `${stream}.>` || s === '>')) throw new Error(`stream ${stream} takes the subjects ${subjects.join(', ') || '(none)'}, not ${stream}.> where events are published`);
    return false;
  } catch (error) {
    if (!/not found/i.test(reasonOf(error))) throw error;
    await jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    return true;
  }
}

/** Publishes the events in order; resolves once the stream has acknowledged every one. */
export async function publishCloudEvents(nc: NatsConnection, stream: string, events: readonly CloudEvent[], onProgress?: (done: number) => void): Promise<PublishResult> {
  const jsm = await jetstreamManager(nc);
  const created = await ensureStream(jsm, stream);
  const js = jsm.jetstream();
  const h = headers();
  h.set('Content-Type', 'application/cloudevents+json');
  let published = 0;
  let duplicates = 0;
  let firstSeq: number | undefined;
  let lastSeq: number | undefined;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    inFlight.push(
      js.publish(eventSubject(stream, event), JSON.stringify(event), { msgID: String(event.id), headers: h }).then((ack) => {
        if (ack.duplicate) duplicates++;
        else {
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
  return { published, duplicates, ...(firstSeq !== undefined ? { firstSeq, lastSeq } : {}), created };
}
