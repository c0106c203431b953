/** `npm run web` (and `npm start`'s web fallback) on a port that is taken: one line naming it and what to do, nothing built. */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedWebPort, portBusyMessage, portInUse, webPort } from '../../../scripts/web.mjs';

let held: Server;
let port: number;
beforeAll(async () => {
  held = createServer();
  await new Promise<void>((r) => held.listen(0, '127.0.0.1', r));
  port = (held.address() as { port: number }).port;
});
afterAll(() => new Promise((r) => held.close(r)));

describe('the web UI port', () => {
  it('is PORT, else 4173; a PORT that is not a port is said so', () => {
    expect(webPort({})).toEqual({ ok: true, port: 4173 });
    expect(webPort({ PORT: '4300' })).toEqual({ ok: true, port: 4300 });
    expect(webPort({ PORT: 'eighty' })).toEqual({ ok: false, message: 'PORT must be a port number from 1 to 65535, got "eighty"' });
    expect(webPort({ PORT: '70000' }).ok).toBe(false);
  });

  it('tells a taken port from a free one', async () => {
    expect(await portInUse(port)).toBe(true);
    const free = createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
    const freePort = (free.address() as { port: number }).port;
    await new Promise((r) => free.close(r));
    expect(await portInUse(freePort)).toBe(false);
    expect(await checkedWebPort({ PORT: String(freePort) }, 'npm run web')).toEqual({ ok: true, port: freePort });
  });

  it('a taken port is one line: which port, and PORT=… with the command to run', async () => {
    expect(await checkedWebPort({ PORT: String(port) }, 'npm start')).toEqual({ ok: false, message: portBusyMessage(port, 'npm start') });
    expect(portBusyMessage(4173, 'npm run web')).toBe(
      'Port 4173 on 127.0.0.1 is already in use (another Purestream web UI, or another program): stop it, or choose a free port with PORT, e.g. PORT=4174 npm run web',
    );
  });

  it('`npm run web` on a taken port prints that line alone on stderr and exits 1, before building or printing a URL', () => {
    const r = spawnSync(process.execPath, ['scripts/web.mjs'], { env: { ...process.env, PORT: String(port) }, encoding: 'utf8', timeout: 30_000 });
    expect([r.status, r.stdout, r.stderr]).toEqual([1, '', `${portBusyMessage(port, 'npm run web')}\n`]);
  });
});
