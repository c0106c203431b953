// kafka-console-consumer's output in a log file is named as such, with what to do instead.
import { describe, expect, it } from 'vitest';
import { inspectLog } from '../../../src/logs/inspectLog';

const problems = async (text: string): Promise<string[]> => {
  const r = await inspectLog([text], { source: 'topic.txt' });
  return r.ok ? r.report.anomalies.map((a) => `${a.line}: ${a.message}`) : r.problems.map((p) => `${p.line}: ${p.message}`);
};

describe('kafka-console-consumer output', () => {
  it('with printed properties before the value', async () => {
    const [first] = await problems('CreateTime:1767607200000\tPartition:0\tOffset:0\tNO_HEADERS\tdune\t{"type":"BookAdded"}\n');
    expect(first).toBe('1: not JSON: kafka-console-consumer output, its printed properties (CreateTime, Partition, Offset…) before the value: read the topic with `kcat -C -J` instead (JSON records), or print the values alone');
  });

  it('with a key before the value', async () => {
    expect((await problems('dune\t{"type":"BookAdded"}\n'))[0]).toMatch(/^1: not JSON: a key and a tab come before the JSON value \(kafka-console-consumer with print.key=true\?\)/);
  });

  it('its closing summary captured with the values', async () => {
    expect(await problems('{"type":"BookAdded"}\n{"type":"BookLent"}\nProcessed a total of 2 messages\n')).toEqual([
      "3: not JSON: this is kafka-console-consumer's closing summary (written to stderr): redirect only its standard output to the file",
    ]);
  });

  it('leaves other broken lines to the JSON parser\'s own words', async () => {
    expect((await problems('{"type":"A"}\nhello\tworld\n'))[0]).toMatch(/^2: not JSON: Unexpected token/);
  });
});
