/**
 * Inspects a log arriving as text chunks of any size (a file stream, a browser File's
 * stream, a string): finds its records whatever the framing, without ever holding the whole
 * text, and feeds the inspector. Reports progress per chunk and stops when cancelled.
 * Works in Node and the browser.
 */
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

/** Inspects a log given as text chunks; resolves to the report or the problems refusing it. */
export async function inspectLog(chunks: AsyncIterable<string> | Iterable<string>, options: InspectOptions): Promise<InspectResult> {
  const defaults = formatDefaults(options.format);
  const inspector = new LogInspector({ ...options, profile: options.profile ?? defaults.profile });
  const framer = new LogFramer(options.framing && options.framing !== 'auto' ? options.framing : (defaults.framing ?? 'auto'), inspector.record, inspector.structural);
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
