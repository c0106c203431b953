/**
 * Which domain modules the user has trusted (domain-modules.md, "Safety and purity": the app
 * asks before running a module it has not run before). A module is known by its path as the app
 * knows it (a file name on the web) and the SHA-256 of its content: an edited module is a new
 * module and is asked about again. Kept in the page's storage under one key, newest first,
 * capped. Pure functions over a Storage-like object.
 */

/** The storage key of the list. */
export const TRUST_KEY = 'purestream.trusted-modules';
/** How many trusted versions are remembered. */
export const MAX_TRUSTED = 200;

/** A module version the user trusted. */
export interface TrustedModule {
  readonly path: string;
  readonly hash: string;
}

/** What the store needs of `localStorage`. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Reads the stored list; anything corrupt reads as empty (the user is asked again, nothing worse). */
export function parseTrusted(text: string | null): TrustedModule[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value
      .filter((v): v is TrustedModule => typeof v === 'object' && v !== null && typeof (v as TrustedModule).path === 'string' && typeof (v as TrustedModule).hash === 'string' && /^[0-9a-f]{64}$/.test((v as TrustedModule).hash))
      .map((v) => ({ path: v.path, hash: v.hash }))
      .slice(0, MAX_TRUSTED);
  } catch {
    return [];
  }
}

/** The list after trusting `entry`: newest first, unique, capped. */
export const withTrusted = (list: readonly TrustedModule[], entry: TrustedModule, max = MAX_TRUSTED): TrustedModule[] =>
  [entry, ...list.filter((t) => t.path !== entry.path || t.hash !== entry.hash)].slice(0, max);

/** Trusted module versions in a storage. */
export class TrustStore {
  constructor(private readonly storage: KeyValueStorage | undefined) {}

  private list(): TrustedModule[] {
    try {
      return parseTrusted(this.storage?.getItem(TRUST_KEY) ?? null);
    } catch {
      return [];
    }
  }

  /** Whether this path with this content was trusted before. */
  isTrusted(path: string, hash: string): boolean {
    return this.list().some((t) => t.path === path && t.hash === hash);
  }

  /** Remembers that the user trusted this path with this content. */
  trust(path: string, hash: string): void {
    try {
      this.storage?.setItem(TRUST_KEY, JSON.stringify(withTrusted(this.list(), { path, hash })));
    } catch {
      // storage full or refused: trusted for this session only
    }
  }
}
