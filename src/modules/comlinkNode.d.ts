/** Types of comlink's adapter for Node's worker_threads (the package ships them beside a `.d.ts` name TypeScript does not look for). */
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  export default function nodeEndpoint(nep: unknown): Endpoint;
}
