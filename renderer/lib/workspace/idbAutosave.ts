/** The web's autosave: the workspace file's bytes in IndexedDB, restored on reload. */

const DB = 'purestream';
const STORE = 'autosave';
const KEY = 'workspace';

/** What autosave keeps: the bytes, the workspace's name and when it was written. */
export interface Autosaved {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly savedAt: number;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = body(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

/** Writes the autosave. */
export const writeAutosave = (value: Autosaved): Promise<unknown> => withStore('readwrite', (s) => s.put(value, KEY));

/** The autosave, or undefined when there is none (or IndexedDB is unavailable). */
export async function readAutosave(): Promise<Autosaved | undefined> {
  try {
    const value = await withStore<Autosaved | undefined>('readonly', (s) => s.get(KEY));
    return value && value.bytes instanceof Uint8Array ? value : undefined;
  } catch {
    return undefined;
  }
}
