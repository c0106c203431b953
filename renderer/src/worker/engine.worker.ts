/**
 * The engine in a Web Worker (Comlink) for the bundled domains (./engineApi.ts). Cancel
 * terminates the worker (a synchronous run cannot read messages while it works).
 */
import { expose } from 'comlink';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { engineApi } from './engineApi';

export type { EngineApi } from './engineApi';

expose(engineApi(() => undefined, () => import('sql.js').then((m) => m.default({ locateFile: () => wasmUrl }))));
