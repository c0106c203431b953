/**
 * SIGTERM (what systemd, Kubernetes and `kill` send) ends `inspect URL --until live` as Ctrl-C
 * does: the read stops, the report is printed, and the last position to resume from; the same
 * exit code. The real process, on the real NATS server.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { jetstreamManager } from '@nats-io/jetstream';
import { natsForTests, requireServer, uniqueName } from '../servers';
import { processEnv } from './cli';

const bin = fileURLToPath(new URL('../../../bin/purestream.mjs', import.meta.url));

describe('SIGTERM on a live tail', () => {
  const nats = natsForTests();

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: the report and the last position read, exit 0`, async () => {
      const stream = uniqueName('term').toUpperCase();
      await (await jetstreamManager(nats.nc)).streams.add({ name: stream, subjects: [`${stream}.>`] });
      await nats.js.publish(`${stream}.a`, JSON.stringify({ type: 'Ticked', id: 't-1' }));
      const child = spawn(process.execPath, [bin, 'inspect', `${requireServer('nats').url}/${stream}`, '--until', 'live'], { env: processEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (t: Buffer) => void (out += t.toString()));
      child.stderr.on('data', (t: Buffer) => void (err += t.toString()));
      const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
      // the same message again until the tail prints its anomaly (a redelivery): then it is tailing
      let sent = 1;
      while (!out.includes('anomaly:')) {
        await nats.js.publish(`${stream}.a`, JSON.stringify({ type: 'Ticked', id: 't-1' }));
        sent++;
        await new Promise((r) => setTimeout(r, 300));
      }
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(out).toContain('jetstream profile, messages, no domain: 1 event, 0 commands');
      expect(err).toMatch(/last position read: (\d+) \(resume with --from \1\)\n$/);
      expect(Number(/last position read: (\d+)/.exec(err)![1])).toBeGreaterThanOrEqual(2);
      expect(Number(/last position read: (\d+)/.exec(err)![1])).toBeLessThanOrEqual(sent);
    });
  }
});
