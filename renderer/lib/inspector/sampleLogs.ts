/** Bundled sample logs (samples/logs/*): name, domain and text, from a glob import. Pure. */

/** One bundled log. */
export interface SampleLog {
  readonly file: string;
  readonly text: string;
  readonly domain: string;
}

/** The domain a log names: its events header's `domain`, or a CloudEvents type `purestream.<domain>.…`; else `fallback`. */
export function domainOfLog(text: string, fallback: string): string {
  const head = text.slice(0, 4096);
  const header = /"domain"\s*:\s*"([\w-]+)"/.exec(head);
  if (header) return header[1];
  const ce = /"type"\s*:\s*"purestream\.([\w-]+)\./.exec(head);
  return ce ? ce[1] : fallback;
}

/** Where the bundled sample logs are in a checkout: a sample's path from the checkout's folder is this and its file name. */
export const SAMPLE_LOGS_FOLDER = 'samples/logs/';

/**
 * The path from the checkout of the bundled sample a stored log is, from where the workspace says
 * it came from (`source`): a sample opened from the samples menu is kept as its path; a file of the
 * user's as its bare name (the app never learns a path), even one named as a sample. Else undefined.
 */
export function shippedSamplePath(source: string | undefined, samples: readonly Pick<SampleLog, 'file'>[]): string | undefined {
  if (!source?.startsWith(SAMPLE_LOGS_FOLDER)) return undefined;
  return samples.some((s) => `${SAMPLE_LOGS_FOLDER}${s.file}` === source) ? source : undefined;
}

/** Turns glob-imported raw texts into sorted samples (log files only, not their notes). */
export function sampleLogsFrom(modules: Record<string, unknown>, fallbackDomain = 'commerce'): SampleLog[] {
  return Object.entries(modules)
    .filter(([path]) => /\.(json|jsonl|ndjson)$/i.test(path))
    .map(([path, text]) => ({ file: path.slice(path.lastIndexOf('/') + 1), text: String(text), domain: domainOfLog(String(text), fallbackDomain) }))
    .sort((a, b) => a.file.localeCompare(b.file));
}
