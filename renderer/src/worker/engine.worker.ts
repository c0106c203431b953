/**
 * The engine in a Web Worker (Comlink) for the bundled domains (./engineApi.ts). A synchronous
 * run cannot read messages while it works: Cancel sets a flag in shared memory that the run
 * checks (./engineClient.ts), and terminates the worker for anything else.
 */
import { expose } from 'comlink';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { engineApi } from './engineApi';

export type { EngineApi } from './engineApi';

expose(engineApi(() => undefined, () => import('sql.js').then((m) => m.default({ locateFile: () => wasmUrl }))));
