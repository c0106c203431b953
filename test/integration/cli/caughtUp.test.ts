/**
 * An incremental read (`inspect URL --from POSITION`, a nightly CI job) with nothing new since the
 * position is caught up, a normal outcome: exit 0, the report of 0 events, a note saying nothing
 * came after the position, and the position to resume from. A read of an empty source from the
 * start, and a position past the source's last one, stay bad input (exit 1). The real servers.
 */
import { describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { freshDatabase, natsForTests, needsServer, requireServer, topicWith, uniqueName } from '../servers';
import { seedEmmett } from '../seed/emmett';
import { installMessageDb, writeMessages } from '../seed/messageDb';
import { cli } from './cli';

/** The position a read to the head printed (`last position read: P (…)`). */
const lastRead = (err: string): string => /last position read: (\S+) \(resume with --from \1\)\n$/.exec(err)![1];

describe('a caught-up read of Emmett on PostgreSQL', () => {
  needsServer('postgres');

  it('--from the last position read: exit 0, the report of 0 events, the note and the same position; past it: exit 1', async () => {
    const db = await freshDatabase('caught_up');
    await seedEmmett(db, [{ streamName: 'payment-pay-1', messages: [{ type: 'PaymentAuthorized', data: { id: 'pay-1', amount: 10 } }] }]);
    const url = `${db}?store=emmett`;
    const first = await cli(['inspect', url]);
    expect(first.code).toBe(0);
    const position = lastRead(first.err);
    const again = await cli(['inspect', url, '--from', position]);
    expect([again.code, again.err]).toEqual([0, `note: nothing after position ${position}: the read is caught up (0 events)\nlast position read: ${position} (resume with --from ${position})\n`]);
    expect(again.out).toContain('emmett profile, rows, no domain: 0 events, 0 commands');
    const json = await cli(['inspect', url, '--from', position, '--json', '--fail-on', 'anomalies']);
    expect([json.code, JSON.parse(json.out).events]).toEqual([0, 0]);
    // a position past the store's last one is no caught-up read: bad input, as before
    const [tx, global] = position.split(':');
    const past = await cli(['inspect', url, '--from', `${tx}:${Number(global) + 50}`]);
    expect(past.code).toBe(1);
    expect(past.err).toContain(`nothing after position ${tx}:${Number(global) + 50} (the store's last position is ${global})`);
  });

  it('an empty store read from the start, or a stream= the store does not have, stays bad input: exit 1', async () => {
    const db = await freshDatabase('caught_up_empty');
    await installMessageDb(db);
    const empty = await cli(['inspect', `${db}?store=message-db`]);
    expect([empty.code, empty.out, empty.err]).toEqual([1, '', `0 events read from ${db}?store=message-db: no records\nnothing read after the start (resume with --from start)\n`]);
    await writeMessages(db, [{ id: '7f8e0c4e-0000-4000-8000-000000000021', streamName: 'account-1', type: 'Deposited', data: { amount: 1 } }]);
    const absent = await cli(['inspect', `${db}?store=message-db&stream=account-2`, '--from', '1']);
    expect(absent.code).toBe(1);
    expect(absent.err).toContain('no stream "account-2" in the store');
  });
});

describe('a caught-up read of NATS JetStream', () => {
  const nats = natsForTests();

  it('--from the last sequence: exit 0, the (empty) report, the note and the position', async () => {
    const stream = uniqueName('caught').toUpperCase();
    await (await jetstreamManager(nats.nc)).streams.add({ name: stream, subjects: [`${stream}.>`] });
    for (const id of ['t-1', 't-2']) await nats.js.publish(`${stream}.a`, JSON.stringify({ type: 'Ticked', id }));
    const url = `${requireServer('nats').url}/${stream}`;
    const r = await cli(['inspect', url, '--from', '2', '--json']);
    expect([r.code, JSON.parse(r.out).events, r.err]).toEqual([0, 0, 'note: nothing after position 2: the read is caught up (0 events)\nlast position read: 2 (resume with --from 2)\n']);
  });
});

describe('a caught-up read of Kafka', () => {
  needsServer('kafka');

  it('--from PARTITION:OFFSET of the last record: exit 0 with the note and the position', async () => {
    const { bootstrap } = requireServer('kafka');
    const topic = await topicWith('caught_up', [
      { key: 'pay-1', value: '{"type":"PaymentAuthorized","id":"e-1"}' },
      { key: 'pay-2', value: '{"type":"PaymentAuthorized","id":"e-2"}' },
    ]);
    const url = `kafka://${bootstrap}/${topic}`;
    const first = await cli(['inspect', url]);
    const position = lastRead(first.err);
    expect(position).toBe('0:1');
    const again = await cli(['inspect', url, '--from', position]);
    expect([again.code, again.err]).toEqual([0, 'note: nothing after position 0:1: the read is caught up (0 events)\nlast position read: 0:1 (resume with --from 0:1)\n']);
    expect(again.out).toContain('kafka profile, messages, no domain: 0 events');
  });
});
