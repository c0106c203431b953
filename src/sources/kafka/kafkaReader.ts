/**
 * Reads a Kafka topic (or one partition of it) through a {@link KafkaReadClient}, never
 * committing for any group (sources.md). Order holds only per partition: records come
 * partition by partition as fetched, each with its topic-partition as its source (the kafka
 * profile), and the position is a partition → offset map (`0:41,1:17`, the last offset read in
 * each). Reading "until head" ends when every partition read has reached the high watermark it
 * had when the read began; a topic with nothing to read ends without joining any group.
 */
import { hideSecrets, secretsOf, type KafkaSourceUrl } from '../sourceUrl';
import { kafkaOffsets, kafkaPosition } from '../startAt';
import { reasonOf, SourceError, type ReadOptions, type SourceBatch, type SourceReader } from '../types';
import { sleep } from '../sleep';
import { tlsFailure } from '../tlsTrust';
import { connectKafkajs, TopicMissing, type KafkaConnect, type KafkaRead, type KafkaReadClient, type KafkaRecord, type PartitionOffsets } from './kafkaClient';

/** Opens a reader of the source's topic; a SourceError (password hidden) when it cannot connect or there is no such topic or partition. */
export async function openKafkaReader(source: KafkaSourceUrl, options: ReadOptions, connect: KafkaConnect = connectKafkajs): Promise<SourceReader> {
  const fail = (message: string, stage: 'connect' | 'read' = 'connect') => new SourceError(source.display, hideSecrets(message, secretsOf(source)), stage);
  let client: KafkaReadClient;
  try {
    client = await connect(source);
  } catch (error) {
    const reason = reasonOf(error);
    const noSasl = source.user !== undefined && /does not support the requested API version/.test(reason) ? `cannot connect: the broker does not take SASL on this port (${reason}); drop user:password@ from the URL, or name the broker's SASL listener` : undefined;
    throw fail(tlsFailure(error, 'kafka', source.tls) ?? noSasl ?? (/ECONNREFUSED/.test(reason) ? 'cannot connect: connection refused (is a Kafka broker running there?)' : /SASL|authenticat/i.test(reason) ? `cannot connect: the broker refused the credentials (${reason})` : `cannot connect: ${reason}`));
  }
  try {
    let partitions: PartitionOffsets[];
    try {
      partitions = await client.partitions(source.topic);
    } catch (error) {
      if (!(error instanceof TopicMissing)) throw error;
      const names = error.topics.filter((t) => !t.startsWith('__')).sort();
      throw fail(`no topic ${source.topic} on this cluster${names.length ? ` (topics: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''})` : ''}`);
    }
    if (source.partition !== undefined) {
      const only = partitions.filter((p) => p.partition === source.partition);
      if (only.length === 0) throw fail(`topic ${source.topic} has no partition ${source.partition} (it has ${partitions.length}: 0 to ${partitions.length - 1})`);
      partitions = only;
    }
    const starts = await startOffsets(client, source, options, partitions);
    return new KafkaTopicReader(client, source, options, partitions, starts, fail);
  } catch (error) {
    await client.close();
    if (error instanceof SourceError) throw error;
    throw fail(reasonOf(error));
  }
}

/** Where each partition's read starts (the offset of the first record to read). */
async function startOffsets(client: KafkaReadClient, source: KafkaSourceUrl, options: ReadOptions, partitions: readonly PartitionOffsets[]): Promise<Map<number, string>> {
  const from = options.from;
  const at = from.kind === 'time' ? await client.offsetsAt(source.topic, from.ms) : undefined;
  const after = from.kind === 'after' ? kafkaOffsets(from.position) : undefined;
  const starts = new Map<number, string>();
  for (const p of partitions) {
    const low = BigInt(p.low);
    let start: bigint;
    if (from.kind === 'end') start = BigInt(p.high);
    else if (at) start = BigInt(at.get(p.partition) ?? p.high);
    else if (after?.has(p.partition)) start = BigInt(after.get(p.partition)!) + 1n;
    else start = low;
    // records below the first one kept (deleted by retention) cannot be read
    starts.set(p.partition, (start < low ? low : start).toString());
  }
  return starts;
}

class KafkaTopicReader implements SourceReader {
  readonly profile = 'kafka' as const;
  readonly framing = 'messages';
  /** The last offset read per partition (those of `--from` kept until read past). */
  private readonly offsets: Map<number, string>;
  /** The offset to read next per partition. */
  private readonly next: Map<number, bigint>;
  private readonly heads: Map<number, bigint>;
  private queue: KafkaRecord[] = [];
  private wake: (() => void) | undefined;
  private room: (() => void) | undefined;
  private read: KafkaRead | undefined;
  private closed = false;

  constructor(
    private readonly client: KafkaReadClient,
    private readonly source: KafkaSourceUrl,
    private readonly options: ReadOptions,
    partitions: readonly PartitionOffsets[],
    private readonly starts: ReadonlyMap<number, string>,
    private readonly fail: (message: string, stage?: 'connect' | 'read') => SourceError,
  ) {
    this.offsets = options.from.kind === 'after' ? kafkaOffsets(options.from.position) : new Map();
    // `end`: before anything is read, the read resumes after each partition's last offset at the start (a partition with none yet is read from its start)
    if (options.from.kind === 'end') for (const [p, o] of starts) if (BigInt(o) > 0n) this.offsets.set(p, (BigInt(o) - 1n).toString());
    this.next = new Map([...starts].map(([p, o]) => [p, BigInt(o)]));
    this.heads = new Map(partitions.map((p) => [p.partition, BigInt(p.high)]));
    options.signal?.addEventListener('abort', () => this.notify(), { once: true });
  }

  private get position(): string | undefined {
    return this.offsets.size ? kafkaPosition(this.offsets) : undefined;
  }

  /** True when every partition read has reached its high watermark of the start. */
  private get atHead(): boolean {
    for (const [p, head] of this.heads) if (this.next.get(p)! < head) return false;
    return true;
  }

  private notify(): void {
    this.wake?.();
    this.wake = undefined;
    this.room?.();
    this.room = undefined;
  }

  /** Takes a fetched batch; waits while the queue is full (backpressure on the client). */
  private readonly take = async (records: KafkaRecord[]): Promise<void> => {
    while (this.queue.length >= this.options.batch * 2 && !this.closed && !this.options.signal?.aborted) await new Promise<void>((r) => (this.room = r));
    for (const r of records) this.queue.push(r);
    this.wake?.();
    this.wake = undefined;
  };

  async *batches(): AsyncGenerator<SourceBatch, void, undefined> {
    const { batch, until, signal } = this.options;
    if (until === 'head' && this.atHead) {
      yield { records: [], position: this.position, caughtUp: true };
      return;
    }
    let failure: Error | undefined;
    try {
      this.read = await this.client.read(this.source.topic, this.starts, this.take);
    } catch (error) {
      throw this.fail(`read failed: ${reasonOf(error)}`, 'read');
    }
    void this.read.failed.then((e) => {
      failure = e;
      this.notify();
    });
    for (;;) {
      if (signal?.aborted || this.closed) return;
      if (failure) throw this.fail(`read failed: ${reasonOf(failure)}`, 'read');
      if (this.queue.length === 0) {
        const waited = new Promise<void>((r) => (this.wake = r));
        await Promise.race([waited, sleep(this.options.pollMs ?? 1000, signal)]);
        if (this.queue.length === 0) {
          if (signal?.aborted || this.closed) return;
          yield { records: [], position: this.position, caughtUp: true };
          continue;
        }
      }
      const records = this.accept(this.queue.splice(0, batch));
      this.room?.();
      this.room = undefined;
      const done = until === 'head' && this.atHead;
      yield { records, position: this.position, caughtUp: done || this.queue.length === 0 };
      if (done) return;
    }
  }

  /** The records not read before (a seek may deliver some twice), with the offsets they move to. */
  private accept(records: readonly KafkaRecord[]): KafkaRecord[] {
    const kept: KafkaRecord[] = [];
    for (const r of records) {
      const offset = BigInt(r.offset);
      const next = this.next.get(r.partition);
      if (next === undefined || offset < next) continue;
      kept.push(r);
      this.next.set(r.partition, offset + 1n);
      this.offsets.set(r.partition, r.offset);
    }
    return kept;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.notify();
    await this.read?.stop();
    await this.client.close();
  }
}
