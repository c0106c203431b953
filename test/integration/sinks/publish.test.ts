/**
 * `purestream publish` into a stream that already holds events: the stream drops an event whose
 * id it has (Nats-Msg-Id), and event ids repeat across runs, so another run published into the
 * same stream loses events. A run the stream did not keep whole is a failure (exit 1, one message
 * naming the stream and the stream of its own to use); a run kept whole beside something else is
 * published, with a warning naming what the stream holds.
 */
import { describe, expect, it } from 'vitest';
import { headers } from '@nats-io/nats-core';
import { jetstream } from '@nats-io/jetstream';
import { natsForTests, uniqueName } from '../servers';
import { cli } from '../cli/cli';

const scenario = 'samples/scenarios/decoupled-uptime.json';
const NAME = 'Decoupled uptime: retries, dead letters, guarantees, stale reads';
/** The Purestream-Run header of a message another scenario's run published. */
const OTHER_RUN = { scenario: 'Another scenario', run: 'theirs', seed: 7 };

describe('publish into a stream that already holds events', () => {
  const nats = natsForTests();

  /** Publishes `body` with `OTHER_RUN`'s header, deduplicated by `id`, as another run's publish would. */
  const publishOtherRun = async (subject: string, id: string) => {
    const h = headers();
    h.set('Purestream-Run', JSON.stringify(OTHER_RUN));
    await jetstream(nats.nc).publish(subject, JSON.stringify({ specversion: '1.0', id }), { msgID: id, headers: h });
  };

  it('the same run again: "already there", no warning; another run, whose event ids are all there: exit 1, naming the run the stream holds and the stream to use', async () => {
    const stream = uniqueName('runs').toUpperCase();
    const url = nats.url(stream);
    const first = await cli(['publish', scenario, '--run', 'exactly-once', '--to', url]);
    expect([first.code, first.err]).toEqual([0, '']);
    const stored = await nats.jsm.streams.getMessage(stream, { seq: 1 });
    expect(JSON.parse(stored!.header.get('Purestream-Run'))).toEqual({ scenario: NAME, run: 'exactly-once', seed: 42 });

    const again = await cli(['publish', scenario, '--run', 'exactly-once', '--to', url]);
    expect([again.code, again.err]).toEqual([0, '']);
    expect(again.out).toBe(`published 0 events of run "exactly-once" to ${url}; 31 events already there: this run was published to this stream before (deduplicated by Nats-Msg-Id)\n`);

    for (const json of [[], ['--json']]) {
      const other = await cli(['publish', scenario, '--run', 'flaky + retries', '--to', url, ...json]);
      expect([other.code, other.out]).toEqual([1, '']);
      expect(other.err).toBe(
        `${url}: stream ${stream} kept none of the 31 events of run "flaky + retries": their ids were already in the stream, which holds run "exactly-once" of this scenario (event ids repeat across runs: s1.1, …), ` +
          `and a stream drops an event whose id it has (Nats-Msg-Id); publish each run into a stream of its own (e.g. --to ${url}_FLAKY_RETRIES)\n`,
      );
    }
    expect((await nats.jsm.streams.info(stream)).state.messages).toBe(31);
    const own = await cli(['publish', scenario, '--run', 'flaky + retries', '--to', `${url}_FLAKY_RETRIES`]);
    expect([own.code, own.err]).toEqual([0, '']);
    expect(own.out).toMatch(/^published 31 events \(30 of the run, 1 setup\) of run "flaky \+ retries"/);
  });

  it('a stream holding another run under some of this run\'s event ids: exit 1, the run is there incomplete', async () => {
    const stream = uniqueName('part').toUpperCase();
    await nats.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    await publishOtherRun(`${stream}.other`, 's1.1');
    const r = await cli(['publish', scenario, '--run', 'exactly-once', '--to', nats.url(stream)]);
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err).toBe(
      `${nats.url(stream)}: stream ${stream} kept 30 of the 31 events of run "exactly-once", so it holds the run incomplete: the id of the other one was already in the stream, ` +
        `which holds run "theirs" of scenario "Another scenario" (seed 7) (event ids repeat across runs: s1.1, …), and a stream drops an event whose id it has (Nats-Msg-Id); ` +
        `publish each run into a stream of its own (e.g. --to ${nats.url(stream)}_EXACTLY-ONCE)\n`,
    );
  });

  it('a stream holding another run under other ids: published whole with a warning; published again, "already there" (its events, not the other run\'s)', async () => {
    const stream = uniqueName('mixed').toUpperCase();
    const url = nats.url(stream);
    await nats.jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    await publishOtherRun(`${stream}.other`, 'theirs-1');
    const warning =
      `purestream publish: warning: stream ${stream} already holds run "theirs" of scenario "Another scenario" (seed 7), not run "exactly-once": ` +
      `the stream drops an event whose id it already has (Nats-Msg-Id), and event ids repeat across runs (s1.1, …), so events of this run can be lost; ` +
      `publish each run into a stream of its own (e.g. --to ${url}_EXACTLY-ONCE)\n`;
    const first = await cli(['publish', scenario, '--run', 'exactly-once', '--to', url]);
    expect([first.code, first.err]).toEqual([0, warning]);
    expect(first.out).toBe(`published 31 events (30 of the run, 1 setup) of run "exactly-once" to ${url} (stream sequences 2–32)\n`);
    const again = await cli(['publish', scenario, '--run', 'exactly-once', '--to', url, '--json']);
    expect([again.code, again.err]).toEqual([0, warning]);
    const json = JSON.parse(again.out);
    expect(json).toMatchObject({ events: 31, setupEvents: 1, published: 0, duplicates: 31, dropped: 0, before: OTHER_RUN });
  });

  it("a stream whose subjects are not the run's, or another stream taking them: exit 1, naming the stream and what to do", async () => {
    const narrow = uniqueName('narrow').toUpperCase();
    await nats.jsm.streams.add({ name: narrow, subjects: [`${narrow}.orders.*`] });
    expect(await cli(['publish', scenario, '--run', 'exactly-once', '--to', nats.url(narrow)])).toEqual({
      code: 1,
      out: '',
      err: `${nats.url(narrow)}: stream ${narrow} takes the subjects ${narrow}.orders.*, not ${narrow}.> where events are published; publish the run to a stream of another name (publish creates it)\n`,
    });
    const taken = uniqueName('taken').toUpperCase();
    const owner = uniqueName('owner').toUpperCase();
    await nats.jsm.streams.add({ name: owner, subjects: [`${taken}.orders.x`] });
    expect(await cli(['publish', scenario, '--run', 'exactly-once', '--to', nats.url(taken)])).toEqual({
      code: 1,
      out: '',
      err: `${nats.url(taken)}: stream ${taken} cannot be created: stream ${owner} already takes subjects of ${taken}.>, where events are published; publish the run to a stream of another name (publish creates it)\n`,
    });
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
