/** One nats-server (JetStream, WebSocket) for the browser specs that read a live stream. */
import { test } from '@playwright/test';
import { findNats, startNats, type NatsServer } from '../integration/servers/nats';

/**
 * Starts nats-server before the spec file's (or describe block's) tests and stops it after; its
 * client and WebSocket URLs once started. Throws, naming the install step, when nats-server is missing.
 */
export function natsForSpec(): { readonly url: string; readonly wsUrl: string } {
  let server: NatsServer | undefined;
  test.beforeAll(async () => {
    const binary = findNats();
    if (!binary) throw new Error('nats-server not found: run `bash scripts/servers/install.sh` (apt-get install -y nats-server)');
    server = await startNats(binary);
  });
  test.afterAll(async () => server?.stop());
  const started = (): NatsServer => {
    if (!server) throw new Error('nats-server was not started: natsForSpec must be called at the top of a spec file or describe block');
    return server;
  };
  return { get url() { return started().url; }, get wsUrl() { return started().wsUrl; } };
}
