/**
 * "Decoupled uptime, for real" (the README's walk-through): the decoupled-uptime sample published
 * to JetStream, its consumers enacted by the broker — one stopped as if it crashed and started
 * again, the broker redelivering what it had not acknowledged — and the real runs set beside the
 * simulated ones: the final states equal.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { natsForTests, uniqueName } from '../servers';
import { cli } from '../cli/cli';

const scenario = 'samples/scenarios/decoupled-uptime.json';
const dir = mkdtempSync(join(tmpdir(), 'purestream-real-'));

describe('Decoupled uptime, for real (publish → enact → compare-real on JetStream)', () => {
  const nats = natsForTests();


  it('publishes a run as CloudEvents once (Nats-Msg-Id), and an exactly-once consumer stopped mid-way and started again ends in the simulated state', async () => {
    const stream = uniqueName('uptime').toUpperCase();
    const first = await cli(['publish', scenario, '--run', 'exactly-once', '--to', nats.url(stream)]);
    expect(first).toMatchObject({ code: 0, err: '' });
    // the run reports 30 events (purestream run's Events); its log holds the setup's restock too
    expect(first.out).toBe(`published 31 events (30 of the run, 1 setup) of run "exactly-once" to ${nats.url(stream)} (stream sequences 1–31); stream ${stream} created\n`);
    const again = await cli(['publish', scenario, '--run', 'exactly-once', '--to', nats.url(stream)]);
    expect(again.out).toBe(`published 0 events of run "exactly-once" to ${nats.url(stream)}; 31 events already there: this run was published to this stream before (deduplicated by Nats-Msg-Id)\n`);
    const stored = await nats.jsm.streams.getMessage(stream, { seq: 2 });
    expect(stored!.json()).toMatchObject({ specversion: '1.0', type: 'purestream.commerce.OrderPlaced', source: '/purestream/commerce', sequence: '00000000000000000002' });
    expect(stored!.header.get('Nats-Msg-Id')).toBe(stored!.json<{ id: string }>().id);

    const state = join(dir, `${stream}.audit.jsonl`);
    const enact = ['enact', '--from', nats.url(stream), '--consumer', 'audit', '--scenario', scenario, '--run', 'exactly-once', '--state', state, '--ack-wait', '300'];
    const crashed = await cli([...enact, '--stop-after', '20']);
    expect(crashed.code).toBe(0);
    expect(crashed.out).toMatch(/^stopped after 20 deliveries, the last one enacted but not acknowledged/);
    const info = await nats.jsm.consumers.info(stream, 'audit');
    expect(info.config).toMatchObject({ ack_policy: 'explicit', max_deliver: 13, ack_wait: 300_000_000 });
    expect(info.config.backoff).toHaveLength(10);

    const resumed = await cli(enact);
    expect(resumed.code).toBe(0);
    expect(resumed.out).toMatch(/^enacted on .* by consumer "audit" \(audit-log, exactly-once; max_deliver 13, .*double ack, dead letters to .*_DLQ\.audit\)\n {2}deliveries \d+ \(\d+ redeliveries\), failures 12, duplicates \d+, dead letters 0, lost 0; 31 events enacted over 2 sessions\n/);
    const lines = readFileSync(state, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ format: 'purestream/real-run@1', stream, run: 'exactly-once' });
    const second = lines.findIndex((l, i) => l.t === 'session' && i > 1);
    expect(second).toBeGreaterThan(0);
    // the delivery the stopped consumer never acknowledged: the broker delivers it again
    const unacknowledged = lines.slice(0, second).filter((l) => l.t === 'delivery').at(-1);
    expect(lines.slice(second).some((l) => l.t === 'delivery' && l.seq === unacknowledged.seq && l.delivery > unacknowledged.delivery)).toBe(true);

    const compared = await cli(['compare-real', scenario, '--run', 'exactly-once', '--real', state, '--json']);
    expect(compared.code).toBe(0);
    const c = JSON.parse(compared.out);
    expect(c).toMatchObject({ format: 'purestream/real-comparison@1', consumer: 'audit', mustBeEqual: true, sameFinalState: true, differences: [] });
    expect(c.real.stateHash).toBe(c.simulated.stateHash);
    expect([c.real.failures, c.real.enacted, c.real.deadLettered]).toEqual([c.simulated.failures, c.simulated.enacted, 0]);
    expect(c.real.sessions).toBe(2);

    // the state store of the same run: its final state is the run's, stateHash identical
    const storeState = join(dir, `${stream}.state.jsonl`);
    expect((await cli(['enact', '--from', nats.url(stream), '--consumer', 'state', '--scenario', scenario, '--run', 'exactly-once', '--state', storeState])).code).toBe(0);
    const store = await cli(['compare-real', scenario, '--run', 'exactly-once', '--real', storeState]);
    expect(store.code).toBe(0);
    expect(store.out).toContain('The final states are equal');
    const run = JSON.parse((await cli(['run', scenario, '--run', 'exactly-once', '--json'])).out);
    expect(store.out).toContain(`stateHash ${run.runs[0].stateHash}`);
  });

  it('a flaky notifier: the broker gives up after max_deliver, its advisory feeds the dead-letter subject, the same events as in the simulation', async () => {
    const stream = uniqueName('flaky').toUpperCase();
    expect((await cli(['publish', scenario, '--run', 'flaky + retries', '--to', nats.url(stream)])).code).toBe(0);
    const state = join(dir, `${stream}.email.jsonl`);
    const enacted = await cli(['enact', '--from', nats.url(stream), '--consumer', 'email', '--scenario', scenario, '--run', 'flaky + retries', '--state', state, '--ack-wait', '300', '--json']);
    expect(enacted.code).toBe(0);
    const summary = JSON.parse(enacted.out);
    expect(summary).toMatchObject({ format: 'purestream/enactment@1', ended: 'done', deadLettered: 2, lost: 0, policy: { maxDeliver: 5, attempts: 3, backoffMs: [300, 300], deadLetter: true } });
    const dlq = await nats.jsm.streams.info(`${stream}_DLQ`);
    expect(dlq.state.messages).toBe(2);
    const parked = await nats.jsm.streams.getMessage(`${stream}_DLQ`, { seq: 1 });
    expect(parked!.header.get('Purestream-Deliveries')).toBe('5');
    const compared = await cli(['compare-real', scenario, '--run', 'flaky + retries', '--real', state, '--json']);
    const c = JSON.parse(compared.out);
    expect([compared.code, c.sameFinalState, c.real.deadLettered, c.simulated.deadLettered]).toEqual([0, true, 2, 2]);
  });

  it('an at-least-once audit log that is not idempotent records the broker\'s repeats twice, as the simulation did', async () => {
    const stream = uniqueName('alo').toUpperCase();
    expect((await cli(['publish', scenario, '--run', 'at-least-once', '--to', nats.url(stream)])).code).toBe(0);
    const state = join(dir, `${stream}.audit.jsonl`);
    expect((await cli(['enact', '--from', nats.url(stream), '--consumer', 'audit', '--scenario', scenario, '--run', 'at-least-once', '--state', state])).code).toBe(0);
    const c = JSON.parse((await cli(['compare-real', scenario, '--run', 'at-least-once', '--real', state, '--json'])).out);
    expect(c).toMatchObject({ mustBeEqual: false, sameFinalState: true });
    expect(c.real.duplicates).toBe(c.simulated.duplicates);
    expect(c.real.duplicates).toBeGreaterThan(0);
  });

  it('bad input: no such stream, a run or consumer the scenario does not have, a real run of another consumer', async () => {
    const url = nats.url('NO_SUCH_STREAM');
    const missing = await cli(['enact', '--from', url, '--consumer', 'audit', '--scenario', scenario, '--run', 'exactly-once']);
    expect([missing.code, missing.err]).toEqual([1, `${url}: no stream NO_SUCH_STREAM on this server (publish a run to it first: purestream publish SCENARIO --run NAME --to …/NO_SUCH_STREAM)\n`]);
    const consumer = await cli(['enact', '--from', url, '--consumer', 'mailer', '--scenario', scenario, '--run', 'exactly-once']);
    expect([consumer.code, consumer.err]).toEqual([2, `purestream enact: --consumer "mailer": run "exactly-once" of ${scenario} has no consumer of that name; its consumers: "state", "audit"\n`]);
    const down = await cli(['publish', scenario, '--run', 'exactly-once', '--to', 'nats://127.0.0.1:1/X']);
    expect([down.code, down.err]).toEqual([1, 'nats://127.0.0.1:1/X: cannot connect: connection refused (is nats-server running there?)\n']);
  });
});
