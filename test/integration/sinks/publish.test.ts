/**
 * `purestream publish` into a stream that already holds events: the stream drops an event whose
 * id it has (Nats-Msg-Id), and event ids repeat across runs, so another run published into the
 * same stream loses events — said plainly, with a warning naming what the stream holds.
 */
import { describe, expect, it } from 'vitest';
import { jetstream } from '@nats-io/jetstream';
import { natsForTests, uniqueName } from '../servers';
import { cli } from '../cli/cli';

const scenario = 'samples/scenarios/decoupled-uptime.json';
const NAME = 'Decoupled uptime: retries, dead letters, guarantees, stale reads';

describe('publish into a stream that already holds events', () => {
  const nats = natsForTests();


  it('the same run again: "already there", no warning; another run: a warning naming the run the stream holds, and what its dropped events mean', async () => {
    const stream = uniqueName('runs').toUpperCase();
    const url = nats.url(stream);
    const first = await cli(['publish', scenario, '--run', 'exactly-once', '--to', url]);
    expect([first.code, first.err]).toEqual([0, '']);
    const stored = await nats.jsm.streams.getMessage(stream, { seq: 1 });
    expect(JSON.parse(stored!.header.get('Purestream-Run'))).toEqual({ scenario: NAME, run: 'exactly-once', seed: 42 });

    const again = await cli(['publish', scenario, '--run', 'exactly-once', '--to', url]);
    expect([again.code, again.err]).toEqual([0, '']);
    expect(again.out).toBe(`published 0 events of run "exactly-once" to ${url}; 31 events already there: this run was published to this stream before (deduplicated by Nats-Msg-Id)\n`);

    const other = await cli(['publish', scenario, '--run', 'flaky + retries', '--to', url]);
    expect(other.code).toBe(0);
    expect(other.err).toBe(
      `purestream publish: warning: stream ${stream} already holds run "exactly-once" of this scenario, not run "flaky + retries": ` +
        `the stream drops an event whose id it already has (Nats-Msg-Id), and event ids repeat across runs (s1.1, …), so events of this run can be lost; ` +
        `publish each run into a stream of its own (e.g. --to ${url}_FLAKY_RETRIES)\n`,
    );
    expect(other.out).toMatch(
      new RegExp(`^published \\d+ events? of run "flaky \\+ retries" to ${url.replace(/[.]/g, '\\.')}.*; \\d+ events? not published: (its id was|their ids were) already in the stream, which drops an event whose id it has \\(Nats-Msg-Id\\); publishing another run into the same stream drops its events whose ids repeat: use one stream per run\\n$`),
    );
    const json = JSON.parse((await cli(['publish', scenario, '--run', 'flaky + retries', '--to', url, '--json'])).out);
    expect(json.before).toEqual({ scenario: NAME, run: 'exactly-once', seed: 42 });
    expect([json.events, json.setupEvents]).toEqual([31, 1]);
  });

  it('a stream whose messages Purestream did not publish: a warning saying so', async () => {
    const stream = uniqueName('theirs').toUpperCase();
    await nats.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    await jetstream(nats.nc).publish(`${stream}.orders`, JSON.stringify({ type: 'OrderPlaced', id: 'o-1' }));
    const r = await cli(['publish', scenario, '--run', 'exactly-once', '--to', nats.url(stream)]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(new RegExp(`^purestream publish: warning: stream ${stream} already holds messages not published by Purestream, not run "exactly-once"`));
    expect(r.out).toMatch(/^published 31 events \(30 of the run, 1 setup\) of run "exactly-once"/);
  });
});
