/**
 * Links the app may open in the user's browser: only the project's own documentation, and only
 * after the user confirms. Anything else a page asks to open is refused. Plain (no Electron).
 */

/** The documentation the app links to: https, these hosts, under these paths. */
export const DOCUMENTATION_LINKS: readonly { readonly host: string; readonly path: string }[] = [{ host: 'github.com', path: '/purestream/purestream' }];

/**
 * The link as it will be opened when it is one of the project's documentation links (https, no
 * credentials or port, an allowlisted host, under an allowlisted path at a segment boundary);
 * undefined for anything else.
 */
export function documentationLink(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.length > 2048) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return undefined;
  const allowed = DOCUMENTATION_LINKS.some(
    (d) => parsed.hostname === d.host && (parsed.pathname === d.path || parsed.pathname.startsWith(`${d.path}/`)),
  );
  return allowed ? parsed.href : undefined;
}

/** What opening a link needs: the confirmation dialog and the browser. */
export interface LinkEffects {
  readonly confirm: (url: string) => Promise<boolean>;
  readonly open: (url: string) => Promise<void>;
}

/** Opens a documentation link after the user confirms; refuses anything else without asking. Resolves whether it was opened. */
export async function openDocumentationLink(url: unknown, effects: LinkEffects): Promise<boolean> {
  const link = documentationLink(url);
  if (!link || !(await effects.confirm(link))) return false;
  await effects.open(link);
  return true;
}
