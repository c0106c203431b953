/** What `compare` and `compare --against` print: human metric labels shared with the app, aligned headers, the key differences first. */
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { ruleChangeText, metricsTable } from '../../../src/cli/reportText';
import { compareRuleVersions, type RuleChange } from '../../../src/engine/report/ruleChange';
import type { RunReport } from '../../../src/engine/types';
import { compareModel } from '../../../renderer/lib/compare/compareModel';
import { fakeRun } from './cliHarness';

const change: RuleChange = {
  format: 'purestream/rule-change@1',
  scenario: 'bank',
  old: 'bank.ts',
  new: 'bank-v2.ts',
  runs: [
    {
      run: 'one queue',
      commands: 45,
      changed: 1,
      metrics: [
        { metric: 'accepted', old: 40, new: 30, delta: -10 },
        { metric: 'enactLatencyMs.p50', old: 67, new: 51, delta: -16 },
        { metric: 'violations', old: 1, new: 0, delta: -1 },
      ],
      rejections: [{ metric: 'insufficient-funds', old: 5, new: 15, delta: 10 }],
      sameFinalState: false,
      finalStateDifferences: [{ path: ['account:a1', 'balance'], a: -40, b: 10 }],
      changes: [{ commandId: 'c24', type: 'Withdraw', data: { accountId: 'a1', amount: 10 }, old: { events: [{ type: 'MoneyWithdrawn', data: {} }] }, new: { rejected: 'insufficient-funds' } }],
    },
  ],
};

/** The table under a header line: the header, then its rows. */
function tableAt(text: string, header: RegExp): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => header.test(l));
  const rows = [lines[start]];
  for (let i = start + 1; i < lines.length && lines[i].startsWith('  ') && !header.test(lines[i]) && !/^ {2}(metric|command) /.test(lines[i]); i++) rows.push(lines[i]);
  return rows;
}

describe('compare --against: the rule change as text', () => {
  it('names metrics as the app does (Enact latency p50 (ms), Rejected: CODE), never by raw keys', () => {
    const text = ruleChangeText(change);
    expect(text).toMatch(/^ {2}Accepted +40 +30 +-10$/m);
    expect(text).toMatch(/^ {2}Enact latency p50 \(ms\) +67 +51 +-16$/m);
    expect(text).toMatch(/^ {2}Invariant violations +1 +0 +-1$/m);
    expect(text).toMatch(/^ {2}Rejected: insufficient-funds +5 +15 +\+10$/m);
    expect(text).not.toMatch(/enactLatencyMs|rejections\./);
  });

  it('aligns each header with its column: text columns to the left, numbers to the right', () => {
    const text = ruleChangeText(change);
    const [head, row] = tableAt(text, /^ {2}command /);
    for (const [title, cell] of [['type', 'Withdraw'], ['old rules', 'MoneyWithdrawn'], ['new rules', 'rejected: insufficient-funds']]) expect(head.indexOf(title)).toBe(row.indexOf(cell));
    const [metricHead, ...metricRows] = tableAt(text, /^ {2}metric /);
    const end = (line: string, word: string) => line.indexOf(word) + word.length;
    expect(end(metricHead, 'delta')).toBe(metricRows[0].length);
    expect(end(metricHead, 'old')).toBe(end(metricRows[0], '40'));
  });

  it('a latency with nothing to measure (no accepted command under the new rules) is a dash, not a drop to 0', () => {
    const before = fakeRun('one queue');
    const after: RunReport = { ...before, metrics: { ...before.metrics, accepted: 0, rejected: 3, enactLatencyMs: { p50: 0, p95: 0, p99: 0, max: 0 } } };
    const side = (run: RunReport) => ({ report: { format: 'purestream/report@1' as const, scenario: 's', domain: 'd', seed: 1, runs: [run] }, decisions: [[]] });
    const rule = compareRuleVersions(side(before), side(after), { old: 'a.ts', new: 'b.ts' });
    expect(rule.runs[0].metrics.find((m) => m.metric === 'enactLatencyMs.p50')).toEqual({ metric: 'enactLatencyMs.p50', old: before.metrics.enactLatencyMs.p50, new: null, delta: null });
    expect(rule.runs[0].metrics.find((m) => m.metric === 'commandLatencyMs.p50')?.delta).toBe(0);
    expect(ruleChangeText(rule)).toMatch(new RegExp(`^ {2}Enact latency p50 \\(ms\\) +${before.metrics.enactLatencyMs.p50} +— +—$`, 'm'));
  });

  it("shares the app's labels (one table under src/engine)", () => {
    const model = compareModel([fakeRun('a'), fakeRun('b')]);
    const label = (key: string) => model.metrics.find((m) => m.key === key)!.label;
    expect(label('enactLatencyMs.p95')).toBe('Enact latency p95');
    const table = metricsTable([fakeRun('a')]);
    for (const key of ['enactLatencyMs.p95', 'commandLatencyMs.p50', 'makespanMs']) expect(table).toContain(`${label(key)} (ms)`);
    for (const key of ['violations', 'failures', 'deadLettered', 'maxQueueDepth']) expect(table).toContain(`${label(key)} `);
  });
});

describe('compare: the final-state differences', () => {
  it('lists the streams left breaking an invariant first (the oversold stock before 24 extra order fields)', async () => {
    let out = '';
    const code = await main(['compare', 'samples/scenarios/flash-sale.json'], { out: (t) => void (out += t), err: () => undefined, errIsTTY: false, cwd: process.cwd() });
    expect(code).toBe(0);
    const section = out.slice(out.indexOf('8 workers vs one queue'));
    const rows = section.split('\n').slice(2, 4);
    expect(rows[0]).toMatch(/^ {2}stock:tee@main › stock +0 +-4$/);
    expect(rows[1]).toMatch(/^ {2}order:o-101 › customerId/);
  });
});

describe('compare: alike lines said once (the Emmett trial, test/fixtures/modules/cart)', () => {
  it('says the invariant every run breaks once, a run’s repeated violation once with its count, and 20 carts that differ alike in one row; --json keeps every difference', async () => {
    const run = async (args: string[]) => {
      let out = '';
      const code = await main(args, { out: (t) => void (out += t), err: () => undefined, errIsTTY: false, cwd: 'test/fixtures/modules/cart' });
      expect(code).toBe(0);
      return out;
    };
    const out = await run(['compare', 'cart.scenario.json']);
    const violations = out.slice(out.indexOf('Invariant violations:\n'), out.indexOf('\n8 workers vs one queue'));
    expect(violations.split('\n').slice(1, 4)).toEqual([
      '  every run breaks checked-out-cart-not-empty: the rule itself, not the scheduling',
      '  one queue: checked-out-cart-not-empty 3 times, first at 302 ms (events 81, 82 and 83): an empty cart was checked out',
      '  8 workers: quantity-never-negative 20 times, first at 5 ms (events 3, 8, 13 and 17 more): tee has quantity -2',
    ]);
    const pool = out.slice(out.indexOf('8 workers vs one queue'));
    expect(pool.split('\n').slice(0, 3)).toEqual([
      '8 workers vs one queue: 20 differences in the final state',
      expect.stringMatching(/^ {2}path +one queue +8 workers$/),
      expect.stringMatching(/^ {2}shopping_cart-c-1 and 19 more streams › items › tee +0 +-2$/),
    ]);
    const json = JSON.parse(await run(['compare', 'cart.scenario.json', '--json']));
    expect(json.comparison[0].differences).toHaveLength(20);
    expect(json.comparison[0].differences[0]).toEqual({ path: ['shopping_cart-c-1', 'items', 'tee'], a: 0, b: -2 });
  });
});
