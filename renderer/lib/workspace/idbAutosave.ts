/**
 * The web's autosave in IndexedDB (database `purestream`, store `autosave`): the workspace
 * file's bytes (written by the logs worker) and the open scenario (written by the page), each
 * under its own key, restored or offered back after a reload or a crash.
 */

const DB = 'purestream';
const STORE = 'autosave';
const WORKSPACE = 'workspace';
const SCENARIO = 'scenario';

/** What autosave keeps of the workspace: the bytes, the workspace's name and when it was written. */
export interface Autosaved {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly savedAt: number;
}

/** What autosave keeps of the open scenario: its value as edited, file name, whether it had unsaved changes, when. */
export interface AutosavedScenario {
  readonly raw: Readonly<Record<string, unknown>>;
  readonly fileName: string;
  readonly dirty: boolean;
  readonly savedAt: number;
  /** Its runs' results were on screen: restoring runs it again (runs are deterministic: the same results). */
  readonly ran?: boolean;
  /** The name of the stored scenario of the workspace it was kept as (ScenarioDoc.entry), linked again on restore when the workspace holds it. */
  readonly entry?: string;
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

/** Reads a key; undefined when it is absent, not what `valid` accepts, or IndexedDB is unavailable. */
async function readKey<T>(key: string, valid: (value: unknown) => value is T): Promise<T | undefined> {
  try {
    const value = await withStore<unknown>('readonly', (s) => s.get(key));
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the workspace autosave. */
export const writeAutosave = (value: Autosaved): Promise<unknown> => withStore('readwrite', (s) => s.put(value, WORKSPACE));

/** The workspace autosave, or undefined when there is none (or IndexedDB is unavailable). */
export const readAutosave = (): Promise<Autosaved | undefined> =>
  readKey(WORKSPACE, (v): v is Autosaved => typeof v === 'object' && v !== null && (v as Autosaved).bytes instanceof Uint8Array);

/** Writes the open scenario's autosave. */
export const writeScenarioAutosave = (value: AutosavedScenario): Promise<unknown> => withStore('readwrite', (s) => s.put(value, SCENARIO));

/** The open scenario's autosave, or undefined (none, malformed, or IndexedDB unavailable). */
export const readScenarioAutosave = (): Promise<AutosavedScenario | undefined> =>
  readKey(SCENARIO, (v): v is AutosavedScenario => {
    const s = v as AutosavedScenario | null | undefined;
    return typeof s === 'object' && s !== null && typeof s.raw === 'object' && s.raw !== null && !Array.isArray(s.raw) && typeof s.fileName === 'string' && typeof s.savedAt === 'number';
  });

/** Forgets the open scenario's autosave (the user discarded it). */
export const clearScenarioAutosave = (): Promise<unknown> => withStore('readwrite', (s) => s.delete(SCENARIO)).catch(() => undefined);
