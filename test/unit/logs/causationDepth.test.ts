/**
 * The longest causation chain (logs.md, `causation.maxDepth`: edges on the longest chain) is a
 * fact of the log, not of the order its records are read in: the integration trial read one flow
 * from a file (9 links) and from a Kafka topic of two partitions, where effects came before their
 * causes (7 links). Generic records, no domain; property test with a fixed seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectLog } from '../../../src/logs/inspectLog';

/** A generic record `id` caused by `cause`. */
const rec = (id: string, cause?: string) => JSON.stringify({ id, type: 'Happened', stream: 's', ...(cause === undefined ? {} : { causationId: cause }) });
async function causation(lines: readonly string[]) {
  const result = await inspectLog([lines.join('\n') + '\n'], { source: 'flow.jsonl' });
  if (!result.ok) throw new Error(result.reason);
  return result.report.causation;
}

describe('causation maxDepth', () => {
  const chain = [rec('a'), rec('b', 'a'), rec('c', 'b'), rec('d', 'c'), rec('e', 'd')];

  it('counts the edges of the longest chain in order and with every effect before its cause', async () => {
    expect(await causation(chain)).toMatchObject({ roots: 1, orphans: 0, maxDepth: 4 });
    expect(await causation([...chain].reverse())).toMatchObject({ roots: 1, orphans: 0, maxDepth: 4 });
    // a chain read half before its start (two partitions read one after the other)
    expect(await causation([chain[3], chain[4], chain[0], chain[1], chain[2]])).toMatchObject({ maxDepth: 4 });
  });

  it('counts from an orphan (a cause not in the log) as from a root, and ends a cycle of causes', async () => {
    expect(await causation([rec('y', 'x'), rec('z', 'y')])).toMatchObject({ roots: 0, orphans: 1, maxDepth: 1 });
    const cycle = await causation([rec('p', 'q'), rec('q', 'p'), rec('r', 'q')]);
    expect(cycle.orphans).toBe(0);
    expect(cycle.maxDepth).toBeGreaterThanOrEqual(1);
  });

  it('is the same in any order for random causation forests (fixed seed)', async () => {
    const forest = fc.array(fc.nat(), { minLength: 1, maxLength: 40 }).chain((parents) =>
      fc.shuffledSubarray(parents.map((p, i) => i), { minLength: parents.length, maxLength: parents.length }).map((order) => ({ parents, order })),
    );
    await fc.assert(
      fc.asyncProperty(forest, async ({ parents, order }) => {
        // record i is caused by an earlier record (p % i), or is a root
        const lines = parents.map((p, i) => rec(`r${i}`, i === 0 || p % 3 === 0 ? undefined : `r${p % i}`));
        const inOrder = await causation(lines);
        const shuffled = await causation(order.map((i) => lines[i]));
        expect(shuffled).toEqual(inOrder);
      }),
      { seed: 1811, numRuns: 200 },
    );
  });
});
