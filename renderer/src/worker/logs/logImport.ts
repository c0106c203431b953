/**
 * Importing a recorded log into the workspace — any framing, any profile, with or without a
 * domain (logs.md) — streamed in chunks, inspected and stored in batches, readable from its
 * first batch on, with progress and Cancel; inspecting a stored log again with another domain,
 * profile or map, from the records it keeps as the file had them; and what else reads a stored
 * log with a domain (the Mapping dialog's preview, a record's stream before and after it).
 * One implementation wherever the domain runs: the logs worker, with the workspace's database
 * at hand and the bundled domains; a domain module's worker, with its module, storing and
 * reading through a port to the logs worker (../module.worker.ts).
 */
import { bundledIds } from '../../../../domain';
import type { AnyDomainModule } from '../../../../domain/kernel';
import { bundledDomain } from '../../../../src/engine/module/bundled';
import { Utf8Chunks } from '../../../../src/logs/framing/utf8Chunks';
import { withoutFinalState } from '../../../../src/logs/lazyFinalState';
import { profileByName, readLogMap, type LogMap, type ProfileName } from '../../../../src/logs/profiles';
import { InspectCancelled, type InspectionReport } from '../../../../src/logs/types';
import { importRecords, type LogReading, type RecordsInput, type StoredReading } from '../../../lib/inspector/importRecords';
import { recordPages, type LogWorkspace, type StoredLogs } from '../../../lib/inspector/logStore';
import { previewReading, type Preview } from '../../../lib/inspector/previewReading';
import { streamChange, type RecordDetail, type RecordReading } from '../../../lib/inspector/recordDetail';
import type { ImportInput, ImportOptions, ImportProgress, ImportResult, InspectionSummary, ReadingOptions } from '../../../lib/workspace/logsProtocol';
import { LiveFeed } from './liveFeed';
import { remoteEarlierEvents, type RemoteEarlier } from '../../../../src/sources/remoteEarlier';
import type { EarlierEvents } from '../../../../src/sources/types';

/** Input this big (bytes) is imported without the secondary indexes, built once at the end. */
const BULK_BYTES = 16 << 20;

/** Lets queued messages (a page request, Cancel) in: a MessageChannel round trip, not clamped like nested timers. */
const yieldChannel = new MessageChannel();
const yielded: (() => void)[] = [];
yieldChannel.port1.onmessage = () => yielded.shift()?.();
const yieldToMessages = (): Promise<void> =>
  new Promise((resolve) => {
    yielded.push(resolve);
    yieldChannel.port2.postMessage(0);
  });

async function* chunksOf(input: ImportInput, onBytes: (n: number) => void): AsyncGenerator<string> {
  if (input.kind === 'text') {
    for (let i = 0; i < input.text.length; i += 1 << 20) {
      onBytes(Math.min(input.text.length, i + (1 << 20)));
      yield input.text.slice(i, i + (1 << 20));
    }
    return;
  }
  const reader = input.file.stream().getReader();
  // a file that is not UTF-8 text stops the import, saying so (not records of replacement characters)
  const decoder = new Utf8Chunks(input.file.name);
  let bytes = 0;
  let last = performance.now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    onBytes(bytes);
    const text = decoder.decode(value);
    // in pieces of 64K characters, letting page requests and Cancel in every few milliseconds
    for (let i = 0; i < text.length; i += 1 << 16) {
      yield text.length <= 1 << 16 ? text : text.slice(i, i + (1 << 16));
      if (performance.now() - last > 12) {
        await yieldToMessages();
        last = performance.now();
      }
    }
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The domain a reading names, where the import runs (the bundled domains in the logs worker; its module in a module's worker). */
export type DomainOf = (name: string) => AnyDomainModule | undefined;

/** The domain and map of reading options, checked (an unknown domain or a bad map is an Error naming the problem). */
export function compileReading(options: ReadingOptions, domainOf: DomainOf = bundledDomain): LogReading & { readonly mapJson?: unknown } {
  const domain = options.domain === null || options.domain === undefined ? undefined : domainOf(options.domain);
  if (options.domain && !domain) throw new Error(`unknown domain "${options.domain}" (bundled: ${bundledIds.join(', ')})`);
  let map: LogMap | undefined;
  if (options.map !== undefined && options.map !== null) {
    const read = readLogMap(options.map, domain);
    if (!read.ok) {
      // a map fine by itself names types of other rules: say so, as the way out is another map or domain
      const fits = domain !== undefined && readLogMap(options.map).ok;
      throw new Error(`${fits ? `the map names event types ${domain.id} does not have (change the map, or choose the domain it was made for)` : 'the map has problems'}:\n${read.problems.join('\n')}`);
    }
    map = read.map;
  }
  return { ...(domain ? { domain } : {}), ...(map ? { map, mapJson: options.map } : {}), ...(options.framing ? { framing: options.framing } : {}), ...(options.profile ? { profile: options.profile } : {}), ...(options.partial ? { partial: true } : {}) };
}

/** How a stored log was read, compiled to read its records again (undefined when its domain is not here, or its map no longer reads). */
export function recordReading(reading: StoredReading | undefined, domainOf: DomainOf = bundledDomain): RecordReading | undefined {
  if (!reading) return undefined;
  try {
    const { domain, map } = compileReading({ domain: reading.domain, ...(reading.map !== undefined ? { map: reading.map } : {}) }, domainOf);
    return { profile: profileByName(reading.profile as ProfileName).name, ...(domain ? { domain } : {}), ...(map ? { map } : {}), ...(reading.partial ? { partial: true } : {}) };
  } catch {
    return undefined;
  }
}

/** The first `count` records of a stored log read with `options` (the Mapping dialog's preview). */
export async function previewStored(logs: StoredLogs, logId: number, options: ReadingOptions, count: number, domainOf: DomainOf = bundledDomain): Promise<Preview> {
  const reading = compileReading(options, domainOf);
  return previewReading(await logs.records(logId, 0, count), reading);
}

/** Record `seq`'s stream before and after it, replayed as the log was read — `reading`, as stored with it (undefined: no event of a stream, or no domain here). */
export async function storedChange(logs: StoredLogs, logId: number, seq: number, reading: StoredReading, domainOf: DomainOf = bundledDomain): Promise<RecordDetail['change']> {
  const compiled = recordReading(reading, domainOf);
  if (!compiled?.domain) return undefined;
  const stream = await logs.streamUpTo(logId, seq);
  return stream ? streamChange(stream, seq, compiled) : undefined;
}

/** Imports of recorded logs into the workspace, one at a time. */
export class LogImport {
  private cancelled = false;
  /** The batches of the live source being imported, if one is. */
  private feed: LiveFeed | undefined;

  /** `logs`: the workspace's logs, here or across a port; `domainOf`: the domains a reading may name here. */
  constructor(
    private readonly logs: LogWorkspace,
    private readonly domainOf: DomainOf = bundledDomain,
  ) {}

  /** Stops the import in progress; nothing of it is kept. */
  cancel(): void {
    this.cancelled = true;
    this.feed?.end();
  }

  /**
   * Imports the records of a live source as `liveBatch` hands them over, until `liveEnd`: stored
   * batch by batch (a tail is on screen at once), inspected, and kept like any log; the progress
   * carries an interim report now and then (`report`), so the views follow the tail. `framing`
   * says how they came (`rows`, `messages`). `earlier` loads the earlier events of the streams met
   * past their start (a store queried by stream, read by the main process), as the command line does.
   */
  live(options: ImportOptions, framing: string, onProgress: (p: ImportProgress) => void, earlier?: RemoteEarlier): Promise<ImportResult> {
    const feed = (this.feed = new LiveFeed());
    return this.store(() => ({ batches: feed.batches(), framing }), options, 0, () => 0, onProgress, true, earlier && remoteEarlierEvents(earlier)).finally(() => {
      if (this.feed === feed) this.feed = undefined;
    });
  }

  /** One batch of the live import; resolves once it is taken (nothing happens when none runs). */
  liveBatch(records: readonly unknown[]): Promise<void> {
    return this.feed ? this.feed.push(records) : Promise.resolve();
  }

  /** Ends the live import: it finishes with what was read. */
  liveEnd(): void {
    this.feed?.end();
  }

  /** Imports and inspects `input`; `onProgress` hears how far it got. A cancelled import rejects with an error named "ImportCancelled". */
  run(input: ImportInput, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
    const total = input.kind === 'file' ? input.file.size : input.text.length;
    let bytes = 0;
    return this.store((p) => chunksOf(input, (b) => p((bytes = b))), options, total, () => bytes, onProgress);
  }

  /** Inspects a stored log again with other reading options: its records are read as the file had them, a page at a time, into a new log, which replaces it and keeps its source (a bundled sample stays one) unless `options` name another. */
  async again(logId: number, options: ImportOptions, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
    const { reading, source, records } = await this.logs.stored(logId);
    if (records === 0) throw new Error('this log was stored before Purestream kept its records as the file had them: open the file again to inspect it another way');
    const framing = reading?.framing ?? 'lines';
    // a log read from a source's end or a position stays one that lacks its streams' earlier events
    const kept = { ...(source !== undefined && options.source === undefined ? { source } : {}), ...(reading?.partial ? { partial: true } : {}) };
    const result = await this.store(() => ({ records: recordPages(this.logs, logId), framing }), { ...options, ...kept }, records, () => 0, onProgress);
    await this.logs.remove(logId);
    return result;
  }

  private async store(input: (onBytes: (n: number) => void) => RecordsInput, options: ImportOptions, total: number, bytesRead: () => number, onProgress: (p: ImportProgress) => void, interim = false, earlier?: EarlierEvents): Promise<ImportResult> {
    const reading = compileReading(options, this.domainOf);
    this.cancelled = false;
    const started = performance.now();
    let progress: ImportProgress = { bytes: 0, records: 0, total };
    let lastSent = 0;
    const send = (force: boolean) => {
      const now = performance.now();
      if (!force && now - lastSent < 100) return;
      lastSent = now;
      void onProgress(progress);
    };
    let logId: number | undefined;
    try {
      const result = await importRecords(this.logs, input(() => send(false)), {
        ...reading,
        name: options.name,
        source: options.source ?? options.name,
        ...(reading.domain && options.domain ? { domainName: options.domain } : {}),
        bulk: total >= BULK_BYTES,
        ...(earlier ? { earlier } : {}),
        batch: 4096,
        isCancelled: () => this.cancelled,
        onProgress: (records) => {
          progress = { ...progress, bytes: bytesRead(), records };
          send(false);
        },
        onStored: (p) => {
          const first = logId === undefined;
          logId = p.logId;
          progress = { ...progress, source: { db: 'workspace', logId: p.logId }, stored: p.stored, counts: p.counts };
          send(first);
        },
        ...(interim
          ? {
              onInterim: (report: InspectionReport) => {
                if (logId === undefined) return;
                // sent once (the next progress goes without it): a report is bigger than the counts
                lastSent = performance.now();
                const sent = { ...progress, report: withoutFinalState(report) as InspectionSummary };
                // the views read the log again once the logs worker knows it changed (across a port, from a module's worker)
                void Promise.resolve(this.logs.changed?.(logId)).then(() => onProgress(sent));
              },
            }
          : {}),
      });
      if (interim) await this.logs.changed?.(result.logId);
      return { source: { db: 'workspace', logId: result.logId }, report: withoutFinalState(result.report) as InspectionSummary, seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      if (error instanceof InspectCancelled) {
        const cancelled = new Error('import cancelled');
        cancelled.name = 'ImportCancelled';
        throw cancelled;
      }
      throw error;
    }
  }
}
