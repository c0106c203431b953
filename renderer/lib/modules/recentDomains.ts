/**
 * The web's recent domain modules, kept in IndexedDB (database `purestream-domains`): each
 * entry's name and, where the browser has the File System Access API, its file handle (so the
 * module is read again from disk; without a handle the user picks the file again). The list
 * logic is pure; the storage functions do nothing harmful when IndexedDB is unavailable.
 */

/** How many recent modules are kept. */
export const MAX_RECENT_DOMAINS = 8;

/** A recent module: its file name, when it was opened (ms), and its handle when the browser gave one. */
export interface RecentDomain {
  readonly name: string;
  readonly openedAt: number;
  readonly handle?: FileSystemFileHandle;
}

/** The list after opening `entry`: newest first, one entry per name, capped. */
export const withRecentDomain = (list: readonly RecentDomain[], entry: RecentDomain, max = MAX_RECENT_DOMAINS): RecentDomain[] =>
  [entry, ...list.filter((r) => r.name !== entry.name)].slice(0, max);

/** Keeps only well-formed entries of a stored value. */
export function parseRecentDomains(value: unknown): RecentDomain[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((r): r is RecentDomain => typeof r === 'object' && r !== null && typeof (r as RecentDomain).name === 'string' && typeof (r as RecentDomain).openedAt === 'number')
    .map((r) => ({ name: r.name, openedAt: r.openedAt, ...(r.handle && typeof r.handle === 'object' ? { handle: r.handle } : {}) }))
    .slice(0, MAX_RECENT_DOMAINS);
}

const DB = 'purestream-domains';
const STORE = 'recent';
const KEY = 'list';

function request<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB is not available'));
    open.onsuccess = () => {
      const db = open.result;
      const r = body(db.transaction(STORE, mode).objectStore(STORE));
      r.onsuccess = () => (resolve(r.result), db.close());
      r.onerror = () => (reject(r.error ?? new Error('IndexedDB request failed')), db.close());
    };
  });
}

/** The stored list (empty when there is none or IndexedDB is unavailable). */
export async function readRecentDomains(): Promise<RecentDomain[]> {
  try {
    return parseRecentDomains(await request('readonly', (s) => s.get(KEY)));
  } catch {
    return [];
  }
}

/** Stores the list (best effort). */
export async function writeRecentDomains(list: readonly RecentDomain[]): Promise<void> {
  try {
    await request('readwrite', (s) => s.put(list, KEY));
  } catch {
    // private mode or storage refused: the list lasts this session
  }
}
