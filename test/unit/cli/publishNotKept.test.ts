/** What `purestream publish` says when the stream did not keep the run whole (its exit-1 message). */
import { describe, expect, it } from 'vitest';
import { notKeptText } from '../../../src/cli/commands/publish';

const run = { scenario: 'Flash sale', run: '8 workers', seed: 1 };
const target = { stream: 'SALE', display: 'nats://127.0.0.1:4222/SALE' };
const result = (dropped: number, before: typeof run | 'foreign') => ({ published: 0, duplicates: dropped, dropped, before, created: false });

describe('notKeptText', () => {
  it('says how many of the run\'s events the stream kept, what it holds, and the stream of its own to publish into', () => {
    expect(notKeptText(result(1_200, { ...run, run: '1 worker' }), 1_204, run, target)).toBe(
      'stream SALE kept 4 of the 1,204 events of run "8 workers", so it holds the run incomplete: the ids of the other 1,200 were already in the stream, which holds run "1 worker" of this scenario ' +
        '(event ids repeat across runs: s1.1, …), and a stream drops an event whose id it has (Nats-Msg-Id); publish each run into a stream of its own (e.g. --to nats://127.0.0.1:4222/SALE_8_WORKERS)',
    );
  });

  it('names messages of another producer, and a run of one event kept not at all', () => {
    expect(notKeptText(result(1, 'foreign'), 1, run, target)).toMatch(/^stream SALE kept none of the 1 event of run "8 workers": its id was already in the stream, which holds messages not published by Purestream \(/);
  });
});
