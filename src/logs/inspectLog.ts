/**
 * Inspects a log arriving as text chunks of any size (a file stream, a browser File's
 * stream, a string): finds its records whatever the framing, without ever holding the whole
 * text, and feeds the inspector. Reports progress per chunk and stops when cancelled.
 * Works in Node and the browser.
 */
import { readBatch, type FramedBatch } from './framing/framedBatch';
import { FRAMINGS, LogFramer, type Framing } from './framing/logFramer';
import { LogInspector, type InspectorOptions } from './logInspector';
import { InspectCancelled, type InspectProgress, type InspectResult, type LogFormat } from './types';

export { FRAMINGS, type Framing };

/** What `inspectLog` needs besides the text. */
export interface InspectOptions extends InspectorOptions {
  /** Shown in the report (`source`) and in problem locations: usually the file name. */
  readonly source: string;
  /** How records are laid out; detected when absent or `auto`. */
  readonly framing?: Framing | 'auto';
  /** `--format`, a shorthand for a framing and a profile (`events`: JSON Lines of purestream records; `json`: an array; `cloudevents`: the cloudevents profile). */
  readonly format?: LogFormat;
  readonly onProgress?: (progress: InspectProgress) => void;
  /** Polled once per chunk; when true the inspection throws InspectCancelled. */
  readonly isCancelled?: () => boolean;
}

/** The framing and profile a `--format` stands for (explicit `framing`/`profile` options win). */
export function formatDefaults(format: LogFormat | undefined): Pick<InspectOptions, 'framing' | 'profile'> {
  switch (format) {
    case 'events':
      return { framing: 'lines', profile: 'purestream' };
    case 'json':
      return { framing: 'array' };
    case 'cloudevents':
      return { profile: 'cloudevents' };
    default:
      return {};
  }
}

/** The framing to read with: the one asked for, else the format's, else `auto` (detected). */
export const requestedFraming = (options: Pick<InspectOptions, 'framing' | 'format'>): Framing | 'auto' =>
  options.framing && options.framing !== 'auto' ? options.framing : (formatDefaults(options.format).framing ?? 'auto');

const inspectorFor = (options: InspectOptions): LogInspector => new LogInspector({ ...options, profile: options.profile ?? formatDefaults(options.format).profile });

/** Inspects a log given as text chunks; resolves to the report or the problems refusing it. */
export async function inspectLog(chunks: AsyncIterable<string> | Iterable<string>, options: InspectOptions): Promise<InspectResult> {
  const inspector = inspectorFor(options);
  const framer = new LogFramer(requestedFraming(options), inspector.record, inspector.structural);
  let bytes = 0;
  for await (const chunk of chunks) {
    if (options.isCancelled?.()) throw new InspectCancelled();
    bytes += chunk.length;
    framer.push(chunk);
    options.onProgress?.({ bytes, records: inspector.records });
  }
  framer.end();
  return inspector.finish(options.source, framer.label ?? 'lines');
}

/**
 * Inspects a log framed elsewhere (../framing/framedBatch, in file order), as `inspectLog` would
 * its text: `framing` tells the framing's label once the batches have ended.
 */
export async function inspectBatches(batches: AsyncIterable<FramedBatch>, framing: () => string | undefined, options: InspectOptions): Promise<InspectResult> {
  const inspector = inspectorFor(options);
  for await (const batch of batches) {
    if (options.isCancelled?.()) throw new InspectCancelled();
    readBatch(batch, inspector);
    options.onProgress?.({ bytes: batch.chars, records: inspector.records });
  }
  return inspector.finish(options.source, framing() ?? 'lines');
}
