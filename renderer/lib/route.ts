/**
 * Each view's URL: `#/<view id>` (hash routing, so the web build and the desktop app's
 * app:// page need no server routes, and Back and Forward stay inside the page). Pure.
 */

/** The hash of a view. */
export const hashOfView = (view: string): string => `#/${view}`;

/** The view a location hash names, or `fallback` for an empty, unknown or malformed hash. */
export function viewOfHash<V extends string>(hash: string, views: readonly V[], fallback: V): V {
  const match = /^#\/([a-z-]+)\/?$/.exec(hash);
  const id = match?.[1] as V | undefined;
  return id !== undefined && views.includes(id) ? id : fallback;
}
