/**
 * Reads a JetStream stream through an ordered ephemeral consumer (sources.md): the server keeps
 * no state for it and it acknowledges nothing, so the stream and its durable consumers are not
 * disturbed. Works on any NatsConnection — TCP in Node, WebSocket in the browser — given by the
 * caller. Records are shaped for the `jetstream` profile (src/logs/profiles/jetstream.ts); the
 * position is the stream sequence.
 */
import { jetstreamManager, type ConsumerMessages, type DeliverPolicy, type JsMsg, type OrderedConsumerOptions } from '@nats-io/jetstream';
import { sleep } from '../sleep';
import type { NatsConnection } from '@nats-io/nats-core';
import { formatUtc, timeOfEpochDigits } from '../../logs/json/logTime';
import { hideSecrets, secretsOf, type NatsSourceUrl } from '../sourceUrl';
import { reasonOf, SourceError, type ReadOptions, type SourceBatch, type SourceReader } from '../types';
import { natsConnectFailure, streamNotFound } from './natsErrors';

/** Opens a connection to the source's server (the transport is the caller's: TCP, TLS or WebSocket). */
export type NatsConnect = (source: NatsSourceUrl) => Promise<NatsConnection>;

/** One message as the `jetstream` profile reads it. */
export interface JetStreamRecord {
  readonly stream: string;
  /** The stream sequence, exact. */
  readonly seq: string;
  readonly subject: string;
  /** The server's timestamp, RFC 3339 UTC to the nanosecond. */
  readonly time?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** The body as text (UTF-8; bytes that are not become U+FFFD). */
  readonly data: string;
}

const text = new TextDecoder();

/** A JetStream message as a record of the `jetstream` profile. */
export function jetStreamRecord(stream: string, m: JsMsg): JetStreamRecord {
  let headers: Record<string, string> | undefined;
  if (m.headers) {
    headers = {};
    for (const key of m.headers.keys()) headers[key] = m.headers.get(key);
  }
  const t = timeOfEpochDigits(m.timestampNanos.toString(), 'ns');
  return { stream, seq: sequenceOf(m), subject: m.subject, ...(t ? { time: formatUtc(t) } : {}), ...(headers ? { headers } : {}), data: text.decode(m.data) };
}

/** The stream sequence as exact text: the digits of the ack subject (`$JS.ACK.<stream>.<consumer>.<delivered>.<sseq>…`) when it is past 2^53. */
function sequenceOf(m: JsMsg): string {
  if (Number.isSafeInteger(m.seq)) return String(m.seq);
  const tokens = ((m as unknown as { reply?: string }).reply ?? '').split('.');
  const sseq = tokens.length >= 11 ? tokens[tokens.length - 5] : tokens[5];
  return sseq && /^\d+$/.test(sseq) ? sseq : String(m.seq);
}

/** Opens a reader of the source's stream; a SourceError (password hidden) when it cannot connect or there is no such stream. */
export async function openJetStreamReader(source: NatsSourceUrl, options: ReadOptions, connect: NatsConnect): Promise<SourceReader> {
  const fail = (message: string, stage: 'connect' | 'read' = 'connect') => new SourceError(source.display, hideSecrets(message, secretsOf(source)), stage);
  let nc: NatsConnection;
  try {
    nc = await connect(source);
  } catch (error) {
    throw fail(natsConnectFailure(error));
  }
  try {
    const jsm = await jetstreamManager(nc, { timeout: 10_000 });
    const info = await jsm.streams.info(source.stream).catch(async (error: Error) => {
      throw fail(await streamNotFound(error, jsm, source.stream));
    });
    const js = jsm.jetstream();
    const from = options.from;
    // `end` is after the stream's last sequence now, exactly: a message that comes while the consumer is made is read, and the read can resume after that sequence
    const after = from.kind === 'after' ? Number(from.position) : from.kind === 'end' ? info.state.last_seq : undefined;
    const start: Partial<OrderedConsumerOptions> =
      after !== undefined ? { deliver_policy: 'by_start_sequence' as DeliverPolicy, opt_start_seq: after + 1 }
      : from.kind === 'time' ? { deliver_policy: 'by_start_time' as DeliverPolicy, opt_start_time: from.time }
      : { deliver_policy: 'all' as DeliverPolicy };
    const consumer = await js.consumers.get(source.stream, { ...start, ...(source.subject !== undefined ? { filter_subjects: source.subject } : {}) });
    const head = from.kind === 'end' ? 0 : info.state.last_seq;
    return new JetStreamReader(nc, consumer, source, options, head, after ?? 0, fail, String(info.state.last_seq));
  } catch (error) {
    await nc.close().catch(() => undefined);
    if (error instanceof SourceError) throw error;
    throw fail(reasonOf(error));
  }
}

type OrderedConsumer = Awaited<ReturnType<ReturnType<Awaited<ReturnType<typeof jetstreamManager>>['jetstream']>['consumers']['get']>>;

class JetStreamReader implements SourceReader {
  readonly profile = 'jetstream' as const;
  readonly framing = 'messages';
  private position: string | undefined;
  private messages: ConsumerMessages | undefined;
  private queue: JetStreamRecord[] = [];
  /** Messages the consumer still had for this read after the last one taken (-1: none taken yet). */
  private pending = -1;
  private wake: (() => void) | undefined;
  private room: (() => void) | undefined;
  private failure: Error | undefined;
  private ended = false;
  private closed = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly consumer: OrderedConsumer,
    private readonly source: NatsSourceUrl,
    private readonly options: ReadOptions,
    /** The stream's last sequence when the read began (0: read only what comes). */
    private readonly head: number,
    private lastSeq: number,
    private readonly fail: (message: string, stage?: 'connect' | 'read') => SourceError,
    readonly lastAtStart: string,
  ) {
    options.signal?.addEventListener('abort', () => this.notify(), { once: true });
    // before any message is read, the read resumes where it started: after `--from`'s sequence, or `end`'s
    if (options.from.kind === 'after') this.position = options.from.position;
    else if (options.from.kind === 'end') this.position = String(lastSeq);
  }

  private notify(): void {
    this.wake?.();
    this.wake = undefined;
    this.room?.();
    this.room = undefined;
  }

  /** Takes messages as the consumer delivers them, holding back while the queue is full. */
  private async pump(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const m of messages) {
        this.queue.push(jetStreamRecord(this.source.stream, m));
        this.lastSeq = m.seq;
        this.pending = m.info.pending;
        this.wake?.();
        this.wake = undefined;
        while (this.queue.length >= this.options.batch * 2 && !this.closed && !this.options.signal?.aborted) await new Promise<void>((r) => (this.room = r));
        if (this.closed || this.options.signal?.aborted) break;
      }
    } catch (error) {
      this.failure = error as Error;
    }
    this.ended = true;
    this.notify();
  }

  private get atHead(): boolean {
    return this.lastSeq >= this.head || this.pending === 0;
  }

  async *batches(): AsyncGenerator<SourceBatch, void, undefined> {
    const { batch, until, signal } = this.options;
    if (until === 'head' && this.lastSeq >= this.head) {
      yield { records: [], position: this.position, caughtUp: true };
      return;
    }
    try {
      this.messages = await this.consumer.consume({ max_messages: Math.max(batch, 100) });
    } catch (error) {
      throw this.fail(`read failed: ${reasonOf(error)}`, 'read');
    }
    void this.pump(this.messages);
    void this.nc.closed().then((e) => {
      this.failure ??= e ?? new Error('the connection was closed');
      this.notify();
    });
    for (;;) {
      if (signal?.aborted || this.closed) return;
      if (this.queue.length === 0) {
        if (this.failure || this.ended) throw this.fail(`read failed: ${reasonOf(this.failure ?? 'the consumer stopped')}`, 'read');
        const waited = new Promise<void>((r) => (this.wake = r));
        await Promise.race([waited, sleep(this.options.pollMs ?? 250, signal)]);
        if (this.queue.length === 0) {
          if (signal?.aborted || this.closed) return;
          if (this.failure || this.ended) continue;
          // nothing came for a while: caught up, unless the server says messages are still pending
          const idle = until === 'head' && !this.atHead ? await this.nothingPending() : true;
          if (!idle) continue;
          yield { records: [], position: this.position, caughtUp: true };
          if (until === 'head') return;
          continue;
        }
      }
      const records = this.queue.splice(0, batch);
      this.room?.();
      this.room = undefined;
      this.position = records[records.length - 1].seq;
      const done = until === 'head' && this.queue.length === 0 && this.atHead;
      yield { records, position: this.position, caughtUp: done || this.queue.length === 0 };
      if (done) return;
    }
  }

  /** Whether the consumer has nothing left to deliver (a filtered read may never reach the stream's last sequence). */
  private async nothingPending(): Promise<boolean> {
    try {
      return (await this.consumer.info(false)).num_pending === 0;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.notify();
    await this.messages?.close().catch(() => undefined);
    await this.nc.close().catch(() => undefined);
  }
}
