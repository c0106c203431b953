/**
 * How a read of a live source ends (src/cli/sourceReadEnd): for each case its exit code, what it
 * says, and whether the checkpoint is written — a tail ended with nothing new, a chain caught up at
 * its checkpoint, a read caught up at its --from, a read of nothing (bad input, a checkpoint past
 * the source's end), and a read of something, with and without a failing --fail-on.
 */
import { describe, expect, it } from 'vitest';
import { sourceReadEnd, type SourceReadFacts } from '../../../src/cli/sourceReadEnd';

const facts = (over: Partial<SourceReadFacts> = {}): SourceReadFacts => ({
  display: 'nats://localhost:4222/orders',
  started: 'position 41',
  records: 3,
  position: '44',
  resume: 'last position read: 44 (resume with --from 44)\n',
  json: false,
  tailEnded: false,
  nothingRead: undefined,
  caughtUp: false,
  absent: undefined,
  nothingAfter: 'nothing after position 41',
  failing: undefined,
  cannotFire: [],
  ...over,
});
const first = { file: 'cp.json', resumedAfter: undefined, kept: true };
const resumed = { file: 'cp.json', resumedAfter: '41', kept: true };
const nothing = { records: 0, position: '41', nothingRead: 'no events' };

describe('the end of a read of a live source', () => {
  it('something read: exit 0, the report, the resume line; with a checkpoint it is written and the line says so', () => {
    expect(sourceReadEnd(facts())).toEqual({ exit: 0, stdout: 'report', stderr: 'last position read: 44 (resume with --from 44)\n', checkpoint: 'none' });
    expect(sourceReadEnd(facts({ checkpoint: resumed }))).toEqual({
      exit: 0,
      stdout: 'report',
      stderr: 'last position read: 44 (written to checkpoint cp.json: the next read with it resumes there)\n',
      checkpoint: 'write',
    });
    // nothing the domain can keep (no --domain state): not written, the plain resume line
    expect(sourceReadEnd(facts({ checkpoint: { ...first, kept: false } }))).toMatchObject({ checkpoint: 'none', stderr: 'last position read: 44 (resume with --from 44)\n' });
  });

  it('something read that fails --fail-on: exit 3, the verdict after the report, the checkpoint written still, the notes on what cannot fire', () => {
    const failing = { exit: 3, line: 'failing: 2 invariant violations (--fail-on violations)\n' } as const;
    expect(sourceReadEnd(facts({ checkpoint: first, failing, cannotFire: ['note: --fail-on stale: …\n'] }))).toEqual({
      exit: 3,
      stdout: 'report',
      stderr: 'last position read: 44 (written to checkpoint cp.json: the next read with it resumes there)\nnote: --fail-on stale: …\n',
      checkpoint: 'write',
      failing,
    });
  });

  it('a gate on invariants that could not be checked: exit 1 (bad input, nothing was found), the report, the checkpoint not moved past the read', () => {
    const failing = { exit: 1, line: "failing: invariants not checked: none of the log's 4 events could be read by domain commerce events (--fail-on violations)\n" } as const;
    expect(sourceReadEnd(facts({ checkpoint: first, failing }))).toEqual({
      exit: 1,
      stdout: 'report',
      stderr: 'last position read: 44 (resume with --from 44)\n',
      checkpoint: 'none',
      failing,
    });
  });

  it('caught up at its --from: exit 0, the empty report with a note; a first read with a checkpoint writes it', () => {
    expect(sourceReadEnd(facts({ ...nothing, caughtUp: true }))).toEqual({
      exit: 0,
      stdout: 'report',
      stderr: 'note: nothing after position 41: the read is caught up (0 events)\nlast position read: 44 (resume with --from 44)\n',
      checkpoint: 'none',
    });
    expect(sourceReadEnd(facts({ ...nothing, caughtUp: true, checkpoint: first })).checkpoint).toBe('write');
  });

  it('a chain caught up at its checkpoint: exit 0, a line in place of the report (the report under --json), the file unchanged', () => {
    const end = sourceReadEnd(facts({ ...nothing, caughtUp: true, checkpoint: resumed }));
    expect(end).toEqual({
      exit: 0,
      stdout: { line: 'nats://localhost:4222/orders: nothing new read after position 41, where checkpoint cp.json resumed (0 events; the file is unchanged)\n' },
      stderr: 'no new position read: checkpoint cp.json resumes after position 41, unchanged\n',
      checkpoint: 'unchanged',
    });
    expect(sourceReadEnd(facts({ ...nothing, caughtUp: true, checkpoint: resumed, json: true })).stdout).toBe('report');
  });

  it('a tail ended before anything came: exit 0, a line (or the report under --json), the checkpoint unchanged or, first, written', () => {
    const tail = { records: 0, nothingRead: 'no events', tailEnded: true, started: 'the end (--from end)', absent: 'stream "orders-9" is not in the store' };
    expect(sourceReadEnd(facts({ ...tail, checkpoint: resumed }))).toEqual({
      exit: 0,
      stdout: { line: 'nats://localhost:4222/orders: nothing new read: no record came after the end (--from end) before the tail was ended (0 events); stream "orders-9" is not in the store\n' },
      stderr: 'no new position read: checkpoint cp.json resumes after position 41, unchanged\n',
      checkpoint: 'unchanged',
    });
    expect(sourceReadEnd(facts({ ...tail, json: true, checkpoint: first }))).toMatchObject({ exit: 0, stdout: 'report', checkpoint: 'write' });
  });

  it('nothing read and not caught up: exit 1, nothing on stdout, why, no checkpoint; a checkpoint past the source\'s end says to delete it', () => {
    expect(sourceReadEnd(facts({ ...nothing, resume: 'no position read (resume with --from 41, the position asked for)\n', nothingAfter: "nothing after position 41 (the stream's last position is 12)" }))).toEqual({
      exit: 1,
      stdout: 'nothing',
      stderr: "0 events read from nats://localhost:4222/orders: nothing after position 41 (the stream's last position is 12)\nno position read (resume with --from 41, the position asked for)\n",
      checkpoint: 'none',
    });
    expect(sourceReadEnd(facts({ ...nothing, checkpoint: resumed })).stderr).toContain('; checkpoint cp.json resumes after position 41, which this source does not reach: delete it to read from the start\n');
    expect(sourceReadEnd(facts({ ...nothing, absent: 'stream "x" is not in the store', checkpoint: first }))).toMatchObject({ exit: 1, checkpoint: 'none', stderr: expect.stringContaining('orders: stream "x" is not in the store\n') });
    // records read, none an event: the report's reason
    expect(sourceReadEnd(facts({ nothingRead: 'no events: 3 records, all commands' })).stderr).toMatch(/^0 events read from nats:\/\/localhost:4222\/orders: no events: 3 records, all commands\n/);
  });
});
