/** What the integration global setup hands the tests (through vitest's provide/inject, and env). */

/** A server that runs, or the one line saying what is missing and how to install it. */
export type Available<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly missing: string };

/** The servers of one test run: loopback URLs, valid until the run ends. */
export interface TestServers {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust auth). */
  readonly postgres: Available<{ readonly url: string }>;
  /** JetStream on `nats://127.0.0.1:PORT`, WebSocket on `ws://127.0.0.1:PORT`. */
  readonly nats: Available<{ readonly url: string; readonly wsUrl: string }>;
  /** librdkafka's mock cluster: `bootstrap` `127.0.0.1:PORT`; `controlUrl` creates topics (POST /topics?name=&partitions=). */
  readonly kafka: Available<{ readonly bootstrap: string; readonly controlUrl: string }>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    servers: TestServers;
  }
}
