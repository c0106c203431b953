/**
 * Each view's URL: `#/<view id>` (hash routing, so the web build and the desktop app's
 * app:// page need no server routes, and Back and Forward stay inside the page). Pure.
 */
import { didYouMean } from '../../src/engine/text/didYouMean';

/** The hash of a view. */
export const hashOfView = (view: string): string => `#/${view}`;

/** The view a location hash names, or `fallback` for an empty, unknown or malformed hash. */
export function viewOfHash<V extends string>(hash: string, views: readonly V[], fallback: V): V {
  const match = /^#\/([a-z-]+)\/?$/.exec(hash);
  const id = match?.[1] as V | undefined;
  return id !== undefined && views.includes(id) ? id : fallback;
}

/** A view as the navigation names it. */
export interface NamedView<V extends string = string> {
  readonly id: V;
  readonly label: string;
}

/** A hash that names no view: what was typed (cut to 40 characters), and the view it most likely meant. */
export interface UnknownRoute<V extends string = string> {
  readonly typed: string;
  readonly nearest?: NamedView<V>;
}

/** Characters of an unknown route kept for the notice. */
const SHOWN = 40;

/**
 * The route a hash asks for when it names none of `views` (`#/events`), with the view it most
 * likely meant; undefined for a view's hash and for no route at all (``, `#`, `#/`). The
 * nearest view is the one whose id or label (`Event log` read as `eventlog`) is at most two
 * edits away — the scenario checks' and the command line's rule (`didYouMean`), for three
 * characters or more — else the one sharing its first four characters or more (`events`,
 * `eventlog`).
 */
export function unknownRoute<V extends string>(hash: string, views: readonly NamedView<V>[]): UnknownRoute<V> | undefined {
  const ids = views.map((v) => v.id);
  const fallback = '\u0000' as V;
  if (viewOfHash(hash, ids, fallback) !== fallback) return undefined;
  const raw = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  if (raw === '') return undefined;
  let typed: string;
  try {
    typed = decodeURIComponent(raw);
  } catch {
    typed = raw;
  }
  const shown = typed.length > SHOWN ? `${typed.slice(0, SHOWN)}…` : typed;
  const nearest = nearestView(typed, views);
  return nearest ? { typed: shown, nearest } : { typed: shown };
}

/** The view `typed` most likely meant (see unknownRoute), or undefined. */
function nearestView<V extends string>(typed: string, views: readonly NamedView<V>[]): NamedView<V> | undefined {
  const word = typed.toLowerCase();
  const names = views.flatMap((v) => [[v.id.toLowerCase(), v] as const, [v.label.toLowerCase().replace(/\s+/g, ''), v] as const]);
  const byName = new Map(names);
  const near = didYouMean(word, [...byName.keys()]);
  if (near !== undefined) return byName.get(near);
  let best: { view: NamedView<V>; shared: number } | undefined;
  for (const [name, view] of names) {
    let shared = 0;
    while (shared < Math.min(word.length, name.length) && word[shared] === name[shared]) shared++;
    if (shared >= 4 && (!best || shared > best.shared)) best = { view, shared };
  }
  return best?.view;
}
