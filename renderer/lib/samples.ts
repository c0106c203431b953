/** The bundled sample scenarios (samples/scenarios/*.json), in file-name order. */

/** One bundled sample: its file name, title, one-line summary and raw JSON value. */
export interface SampleScenario {
  readonly file: string;
  readonly name: string;
  readonly summary: string;
  readonly domain: string;
  readonly value: Readonly<Record<string, unknown>>;
}

/** The first sentence of a (Markdown) description as plain text, for one-line summaries. */
export function firstSentence(text: string): string {
  const flat = text.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?](\s|$)/);
  return end < 0 ? flat : flat.slice(0, end + 1);
}

/** Turns glob-imported JSON modules into sorted samples (pure: the glob result is passed in). */
export function samplesFrom(modules: Record<string, unknown>): SampleScenario[] {
  return Object.entries(modules)
    .map(([path, mod]) => {
      const value = ((mod as { default?: unknown }).default ?? mod) as Record<string, unknown>;
      return {
        file: path.slice(path.lastIndexOf('/') + 1),
        name: typeof value.name === 'string' ? value.name : path,
        summary: firstSentence(typeof value.description === 'string' ? value.description : ''),
        domain: typeof value.domain === 'string' ? value.domain : '?',
        value,
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}
