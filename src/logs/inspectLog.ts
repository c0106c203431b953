/**
 * Inspects a log arriving as text chunks of any size (a file stream, a browser File's
 * stream, a string): detects the layout, splits it into records without ever holding the
 * whole text, and feeds the inspector. Reports progress per chunk and stops when cancelled.
 * Works in Node and the browser.
 */
import type { AnyDecider } from '../../domain/kernel';
import type { TypeMap } from './cloudEventReader';
import { JsonArraySplitter } from './jsonArraySplitter';
import { LineSplitter } from './lineSplitter';
import { LogInspector } from './logInspector';
import type { HasherFactory } from './stateHash';
import { InspectCancelled, type InspectProgress, type InspectResult, type LogFormat } from './types';

/** What `inspectLog` needs besides the text. */
export interface InspectOptions {
  readonly decider: AnyDecider;
  /** Shown in the report (`source`) and in problem locations: usually the file name. */
  readonly source: string;
  readonly format?: LogFormat;
  readonly typeMap?: TypeMap;
  readonly skipInvalid?: boolean;
  /** Keep the state history (`HistoryStep[]`) for the UI; off by default. */
  readonly history?: boolean;
  readonly authorize?: boolean;
  /** The SHA-256 of `stateHash`: pure JS by default; Node passes `nodeSha256` (./node/nodeHasher) for speed. */
  readonly hasher?: HasherFactory;
  readonly onProgress?: (progress: InspectProgress) => void;
  /** Polled once per chunk; when true the inspection throws InspectCancelled. */
  readonly isCancelled?: () => boolean;
}

/** A splitter either layout provides. */
interface Splitter {
  push(chunk: string): void;
  end(): void;
}

/** Inspects a log given as text chunks; resolves to the report or the problems refusing it. */
export async function inspectLog(chunks: AsyncIterable<string> | Iterable<string>, options: InspectOptions): Promise<InspectResult> {
  const format = options.format ?? 'auto';
  const inspector = new LogInspector(options.decider, {
    form: format === 'events' ? 'events' : format === 'cloudevents' ? 'cloudevents' : 'any',
    typeMap: options.typeMap,
    skipInvalid: options.skipInvalid,
    history: options.history,
    authorize: options.authorize,
    hasher: options.hasher,
  });
  let splitter: Splitter | undefined;
  let head = '';
  let bytes = 0;
  for await (const chunk of chunks) {
    if (options.isCancelled?.()) throw new InspectCancelled();
    bytes += chunk.length;
    if (splitter) splitter.push(chunk);
    else {
      head += chunk;
      const first = head.search(/\S/);
      if (first < 0) continue;
      splitter = splitterFor(head, first, format, inspector);
      splitter.push(head.charCodeAt(0) === 0xfeff ? head.slice(1) : head);
      head = '';
    }
    options.onProgress?.({ bytes, records: inspector.records });
  }
  if (splitter) splitter.end();
  else if (format === 'json') inspector.structural('expected a JSON array, found nothing', 1);
  return inspector.finish(options.source);
}

/** Chooses the layout from the first non-space character: `[` is a JSON array, anything else JSON Lines. */
function splitterFor(head: string, first: number, format: LogFormat, inspector: LogInspector): Splitter {
  const isArray = head[first] === '[';
  if (format === 'json' || (isArray && format !== 'events')) return new JsonArraySplitter(inspector.record, inspector.structural);
  return new LineSplitter(inspector.record, (line, length) => inspector.structural(`line ${line} is ${length} characters long, more than a record may be`, line));
}
