/**
 * What the Kafka reader needs from a client — a topic's partitions and offsets, offsets by time,
 * and reading from given offsets without committing anything — and its implementation on
 * kafkajs. kafkajs has no manual partition assignment, so it reads in a consumer group of its
 * own (`purestream-read-<random>`) that never commits and is deleted afterwards, as sources.md
 * allows; a client with assignment (@platformatic/kafka, librdkafka) replaces it by
 * implementing {@link KafkaReadClient}.
 */
import { Kafka, logLevel, type Admin, type Consumer, type IHeaders, type KafkaMessage } from 'kafkajs';
import type { KafkaSourceUrl } from '../sourceUrl';
import { readCaFile } from '../node/caFile';

/** One record as `kcat -J` prints it (the kafka profile of logs.md), offset as exact text. */
export interface KafkaRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Milliseconds since the epoch (the record's timestamp). */
  readonly ts?: number;
  readonly key: string | null;
  /** The value as text (bytes that are not UTF-8 become U+FFFD); null for a tombstone. */
  readonly payload: string | null;
  /** Headers as a flat `[name, value, …]` array. */
  readonly headers?: readonly (string | null)[];
}

/** A partition's first offset and the offset after its last record (the high watermark), exact. */
export interface PartitionOffsets {
  readonly partition: number;
  readonly low: string;
  readonly high: string;
}

/** A running read: stopped by `stop()`; `failed` rejects-free promise resolves with the error that ended it, if any. */
export interface KafkaRead {
  stop(): Promise<void>;
  readonly failed: Promise<Error>;
  /** The consumer group read in, when the client reads in one (its own, never another's). */
  readonly group?: string;
}

/** A connected client. */
export interface KafkaReadClient {
  /** The topic's partitions; rejects with `TopicMissing` when the topic does not exist. */
  partitions(topic: string): Promise<PartitionOffsets[]>;
  /** Per partition, the offset of the first record at or after `ms` (the high watermark when none). */
  offsetsAt(topic: string, ms: number): Promise<Map<number, string>>;
  /** Reads `partitions` from the given offsets, calling `onRecords` per fetched batch (awaited: backpressure); never commits. */
  read(topic: string, starts: ReadonlyMap<number, string>, onRecords: (records: KafkaRecord[]) => Promise<void>): Promise<KafkaRead>;
  close(): Promise<void>;
}

/** Connects a client; rejects with the client's reason. */
export type KafkaConnect = (source: KafkaSourceUrl) => Promise<KafkaReadClient>;

/** Thrown by `partitions` for a topic the cluster does not have. */
export class TopicMissing extends Error {
  constructor(readonly topics: readonly string[]) {
    super('no such topic');
  }
}

const utf8 = new TextDecoder();
const textOf = (v: Buffer | string | null | undefined): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : utf8.decode(v));

/** kafkajs headers as kcat's flat array. */
function flatHeaders(headers: IHeaders | undefined): (string | null)[] | undefined {
  if (!headers) return undefined;
  const out: (string | null)[] = [];
  for (const [name, value] of Object.entries(headers)) {
    for (const v of Array.isArray(value) ? value : [value]) out.push(name, textOf(v as Buffer | string | undefined));
  }
  return out;
}

/** A kafkajs message as a kcat-shaped record. */
export function kafkaRecord(topic: string, partition: number, m: KafkaMessage): KafkaRecord {
  const headers = flatHeaders(m.headers);
  return { topic, partition, offset: m.offset, ts: Number(m.timestamp), key: textOf(m.key), payload: textOf(m.value), ...(headers && headers.length ? { headers } : {}) };
}

/** kafkajs as the client: fails fast (5 s to connect, two retries), logs nothing. */
export const connectKafkajs: KafkaConnect = async (source) => {
  // kafkajs 2.2 prints a notice about its partitioner at every producer; this reader makes none
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const kafka = new Kafka({
    clientId: 'purestream',
    brokers: [...source.brokers],
    ssl: source.ca !== undefined ? { ca: [readCaFile(source.ca)] } : source.tls,
    ...(source.user !== undefined ? { sasl: { mechanism: 'plain' as const, username: source.user, password: source.password ?? '' } } : {}),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 5000,
    retry: { retries: 2, initialRetryTime: 200 },
  });
  const admin: Admin = kafka.admin();
  try {
    await admin.connect();
  } catch (error) {
    // a failed connect leaves its sockets open (a broker without SASL answering the handshake kept the process alive)
    await admin.disconnect().catch(() => undefined);
    throw error;
  }
  const consumers = new Set<Consumer>();
  return {
    async partitions(topic) {
      const topics = await admin.listTopics();
      if (!topics.includes(topic)) throw new TopicMissing(topics);
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.map((o) => ({ partition: o.partition, low: o.low, high: o.high })).sort((a, b) => a.partition - b.partition);
    },
    async offsetsAt(topic, ms) {
      const found = await admin.fetchTopicOffsetsByTimestamp(topic, ms);
      return new Map(found.map((o) => [o.partition, o.offset]));
    },
    async read(topic, starts, onRecords) {
      const groupId = `purestream-read-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
      const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200, retry: { retries: 2, restartOnFailure: async () => false } });
      consumers.add(consumer);
      let fail!: (e: Error) => void;
      const failed = new Promise<Error>((resolve) => (fail = resolve));
      consumer.on(consumer.events.CRASH, (event) => fail(event.payload.error));
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const wanted = new Set(starts.keys());
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch, heartbeat }) => {
          const from = starts.get(batch.partition);
          if (from === undefined) return;
          const min = BigInt(from);
          const records = batch.messages.filter((m) => BigInt(m.offset) >= min).map((m) => kafkaRecord(topic, batch.partition, m));
          if (records.length) await onRecords(records);
          await heartbeat();
        },
      });
      for (const [partition, offset] of starts) consumer.seek({ topic, partition, offset });
      const all = (await admin.fetchTopicOffsets(topic)).map((o) => o.partition);
      const others = all.filter((p) => !wanted.has(p));
      if (others.length) consumer.pause([{ topic, partitions: others }]);
      return {
        failed,
        group: groupId,
        stop: async () => {
          consumers.delete(consumer);
          await consumer.disconnect().catch(() => undefined);
          // the throwaway group leaves nothing behind (a broker without DeleteGroups keeps an empty group)
          await admin.deleteGroups([groupId]).catch(() => undefined);
        },
      };
    },
    async close() {
      for (const c of consumers) await c.disconnect().catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    },
  };
};
