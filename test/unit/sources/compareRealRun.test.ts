/**
 * A real run beside the simulated one (compare-real, the app's Compare): one implementation,
 * src/sources/sinks/compareRealRun.ts. The real runs are test/fixtures/real-runs, kept by
 * `purestream enact --state` against nats-server (see its README).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { bundledDomain } from '../../../src/engine/module/bundled';
import { runScenarioWithInterpreters } from '../../../src/engine/run';
import { parseScenario } from '../../../src/engine/scenario/parse';
import type { Scenario } from '../../../src/engine/types';
import { checkRealComparison, compareRealRun, readRealFile, runOfRealRun, type SimulatedRunSide } from '../../../src/sources/sinks/compareRealRun';
import { parseRealRun } from '../../../src/sources/sinks/realRun';

const SCENARIO = 'samples/scenarios/decoupled-uptime.json';
const fixture = (name: string) => readFileSync(`test/fixtures/real-runs/${name}`, 'utf8');
const EXACTLY_ONCE = 'decoupled-uptime.exactly-once.audit.jsonl';
const FLAKY = 'decoupled-uptime.flaky-retries.email.jsonl';
const COMPARISON = 'decoupled-uptime.flaky-retries.email.comparison.json';

function scenarioOf(change: (s: Record<string, unknown>) => void = () => {}): Scenario {
  const json = JSON.parse(readFileSync(SCENARIO, 'utf8'));
  change(json);
  const parsed = parseScenario(JSON.stringify(json), 'decoupled-uptime.json');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/** The simulated run named, as compare-real sets it beside a real one. */
function simulated(scenario: Scenario, name: string): SimulatedRunSide {
  const result = runScenarioWithInterpreters(scenario, { runs: [name], trace: true });
  return { scenario, run: scenario.runs.find((r) => r.name === name)!, trace: result.traces[0], finalState: result.report.runs[0].finalState, decider: bundledDomain('commerce')! };
}

/** What `purestream compare-real --json` prints. */
async function cliComparison(run: string, real: string): Promise<unknown> {
  let out = '';
  const code = await main(['compare-real', SCENARIO, '--run', run, '--real', `test/fixtures/real-runs/${real}`, '--json'], { out: (t) => void (out += t), err: () => {}, cwd: process.cwd(), errIsTTY: false });
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe('a real run beside the simulated one', () => {
  const scenario = scenarioOf();

  it('an exactly-once audit log stopped and started again on the broker: the same final state, redeliveries as recorded', async () => {
    const real = parseRealRun(fixture(EXACTLY_ONCE), EXACTLY_ONCE);
    const run = runOfRealRun(real.header, EXACTLY_ONCE, scenario);
    expect(run.name).toBe('exactly-once');
    const c = compareRealRun(real, EXACTLY_ONCE, simulated(scenario, run.name));
    expect(c).toMatchObject({ consumer: 'audit', delivery: 'exactly-once', mustBeEqual: true, sameFinalState: true, sameDeadLetters: true, differences: [] });
    expect(c.real.stateHash).toBe(c.simulated.stateHash);
    expect([c.real.sessions, c.real.enacted, c.simulated.enacted, c.real.failures, c.simulated.failures]).toEqual([2, 31, 31, 12, 12]);
    // redeliveries as recorded: deliveries of a message delivered before (the trial's count took the broker's
    // delivery counter, which also counts messages the stopped session fetched but never handled)
    const delivered = real.lines.filter((l) => l.t === 'delivery');
    expect(c.real.redeliveries).toBe(delivered.length - new Set(delivered.map((l) => l.seq)).size);
    expect(delivered.some((l) => l.delivery > 1 && delivered.find((d) => d.seq === l.seq) === l)).toBe(true);
    // the command line gives the same comparison, byte for byte
    expect(await cliComparison('exactly-once', EXACTLY_ONCE)).toEqual(JSON.parse(JSON.stringify(c)));
  });

  it('a flaky notifier: the broker gives up on the same events the simulation parked', async () => {
    const real = parseRealRun(fixture(FLAKY), FLAKY);
    const c = compareRealRun(real, FLAKY, simulated(scenario, 'flaky + retries'));
    expect(c.simulated.deadLetters).toEqual([{ id: 'c8.1', type: 'OrderPlaced' }, { id: 'c12.1', type: 'OrderPlaced' }]);
    expect(c.real.deadLetters).toEqual([{ id: 'c8.1', type: 'OrderPlaced', seq: '16' }, { id: 'c12.1', type: 'OrderPlaced', seq: '24' }]);
    expect([c.sameDeadLetters, c.sameFinalState]).toEqual([true, true]);
    expect(await cliComparison('flaky + retries', FLAKY)).toEqual(JSON.parse(JSON.stringify(c)));
    // what compare-real --json wrote is what the app reads back
    expect(readRealFile(fixture(COMPARISON), COMPARISON)).toEqual({ kind: 'comparison', comparison: { ...JSON.parse(JSON.stringify(c)), real: { ...c.real, source: expect.any(String) } } });
  });

  it('a delivery missing from the real run: the states differ, the leaves that differ listed', () => {
    const text = fixture(FLAKY).split('\n').filter((l) => !l.includes('"seq":"6","event":"c3.1","delivery":1')).join('\n');
    const c = compareRealRun(parseRealRun(text, 'cut.jsonl'), 'cut.jsonl', simulated(scenario, 'flaky + retries'));
    expect([c.sameFinalState, c.real.enacted, c.simulated.enacted]).toEqual([false, 12, 13]);
    expect(c.differences[0]).toEqual({ path: ['7', 'eventId'], a: 'c3.1', b: 'c4.1' });
  });

  it('refuses a real run that is not this scenario\'s run, saying which file and what differs', () => {
    const real = parseRealRun(fixture(EXACTLY_ONCE), 'r.jsonl');
    expect(() => runOfRealRun(real.header, 'r.jsonl', { ...scenario, domain: 'profiles' })).toThrow('r.jsonl: a real run of domain commerce, but the scenario is of domain profiles');
    expect(() => runOfRealRun(real.header, 'r.jsonl', scenarioOf((s) => (s.name = 'Another')))).toThrow('r.jsonl: a real run of scenario "Decoupled uptime: retries, dead letters, guarantees, stale reads", not of "Another"');
    expect(() => runOfRealRun(real.header, 'r.jsonl', scenarioOf((s) => (s.seed = 7)))).toThrow("r.jsonl: enacted with seed 42, but the scenario's seed is 7 now: the failures injected on the broker were drawn for another run; enact it again");
    const renamed = scenarioOf((s) => ((s.runs as { name: string }[])[3].name = 'once'));
    expect(() => runOfRealRun(real.header, 'r.jsonl', renamed)).toThrow('r.jsonl: a real run of run "exactly-once", but the scenario has no run of that name (its runs: "flaky + retries", "at-most-once", "at-least-once", "once", "store down in the rush")');
    expect(() => compareRealRun(real, 'r.jsonl', simulated(scenario, 'at-least-once'))).toThrow('r.jsonl: a real run of run "exactly-once", not "at-least-once"');
    const tuned = scenarioOf((s) => Object.assign((s.runs as { consumers: object[] }[])[3].consumers[1], { failureRate: 0.1, duplicateRate: 0 }));
    expect(() => compareRealRun(real, 'r.jsonl', simulated(tuned, 'exactly-once'))).toThrow('r.jsonl: consumer "audit" was enacted as run "exactly-once" configured it then; its duplicateRate, failureRate are configured otherwise now: enact it again');
    const without = scenarioOf((s) => (s.runs as { consumers: object[] }[])[3].consumers.pop());
    expect(() => compareRealRun(real, 'r.jsonl', simulated(without, 'exactly-once'))).toThrow('r.jsonl: a real run of consumer "audit", but run "exactly-once" has no consumer of that name (its consumers: "state")');
    const domainOnly = parseRealRun(fixture(EXACTLY_ONCE).replace(/,"scenario":"[^"]*","run":"exactly-once"/, ''), 'd.jsonl');
    expect(() => runOfRealRun(domainOnly.header, 'd.jsonl', scenario)).toThrow('d.jsonl: enacted without a scenario (enact --domain commerce): set it beside a run on the command line: purestream compare-real SCENARIO --run NAME --real d.jsonl');
  });

  it('a real run enacted with --domain under a consumer name of its own: set beside the run\'s consumer that --consumer names, of the same interpreter', () => {
    const mine = parseRealRun(fixture(EXACTLY_ONCE).replace(/,"scenario":"[^"]*","run":"exactly-once"/, '').replace('"name":"audit"', '"name":"my audit"'), 'mine.jsonl');
    const sim = simulated(scenario, 'exactly-once');
    expect(() => compareRealRun(mine, 'mine.jsonl', sim)).toThrow(
      'mine.jsonl: a real run of consumer "my audit", but run "exactly-once" has no consumer of that name (its consumers: "state", "audit"): name the one it stands for with --consumer audit',
    );
    const c = compareRealRun(mine, 'mine.jsonl', { ...sim, consumer: 'audit' });
    expect(c).toMatchObject({ consumer: 'audit', realConsumer: 'my audit', interpreter: 'audit-log', sameFinalState: true });
    // the same numbers as the real run under the run's own consumer name
    const own = compareRealRun(parseRealRun(fixture(EXACTLY_ONCE), EXACTLY_ONCE), EXACTLY_ONCE, sim);
    expect({ ...c, realConsumer: undefined }).toEqual({ ...own, realConsumer: undefined });
    expect(() => compareRealRun(mine, 'mine.jsonl', { ...sim, consumer: 'state' })).toThrow(
      'mine.jsonl: a real run of consumer "my audit" (enacted with --domain), whose interpreter is audit-log, but consumer "state" of run "exactly-once" is state-store: name one that is audit-log with --consumer audit',
    );
    expect(() => compareRealRun(mine, 'mine.jsonl', { ...sim, consumer: 'email' })).toThrow('mine.jsonl: --consumer names "email", but run "exactly-once" has no consumer of that name (its consumers: "state", "audit")');
    // a real run enacted for a scenario's consumer stands for that consumer only
    expect(() => compareRealRun(parseRealRun(fixture(EXACTLY_ONCE), 'r.jsonl'), 'r.jsonl', { ...sim, consumer: 'state' })).toThrow(
      'r.jsonl: a real run of consumer "audit" of run "exactly-once" (enacted with --scenario), which stands for that consumer only, not "state"',
    );
    expect(compareRealRun(parseRealRun(fixture(EXACTLY_ONCE), 'r.jsonl'), 'r.jsonl', { ...sim, consumer: 'audit' }).realConsumer).toBeUndefined();
  });

  it('reads a real run or a real comparison; anything else is one message naming the file and the line or field', () => {
    expect(readRealFile(fixture(FLAKY), FLAKY).kind).toBe('real-run');
    expect(() => readRealFile('{"format":"purestream/real-run@1"\n{"t":"session"}\n', 'broken.jsonl')).toThrow('broken.jsonl:1: not a JSON object');
    expect(() => readRealFile(readFileSync(SCENARIO, 'utf8'), 'decoupled-uptime.json')).toThrow(
      'decoupled-uptime.json: not a real run (purestream/real-run@1, as purestream enact --state writes) nor a real comparison (purestream/real-comparison@1, as purestream compare-real --json writes): its format is "purestream/scenario@1"',
    );
    expect(() => readRealFile('', 'empty.jsonl')).toThrow('empty.jsonl: empty: not a purestream/real-run@1 file');
    const comparison = JSON.parse(fixture(COMPARISON));
    delete comparison.real.stateHash;
    expect(() => readRealFile(JSON.stringify(comparison), 'c.json')).toThrow('c.json: real.stateHash: expected a string');
  });

  it('takes a comparison made before only while the run still simulates as it did then', () => {
    const read = readRealFile(fixture(COMPARISON), COMPARISON);
    if (read.kind !== 'comparison') throw new Error('not a comparison');
    expect(checkRealComparison(read.comparison, COMPARISON, scenario, (run) => simulated(scenario, run.name)).name).toBe('flaky + retries');
    const tuned = scenarioOf((s) => ((s.runs as { consumers: { failureRate?: number }[] }[])[0].consumers[1].failureRate = 0.2));
    expect(() => checkRealComparison(read.comparison, COMPARISON, tuned, (run) => simulated(tuned, run.name))).toThrow(
      `${COMPARISON}: run "flaky + retries" simulates otherwise now than when this comparison was made (the scenario changed): open the real run it was made from instead`,
    );
    expect(() => checkRealComparison(read.comparison, COMPARISON, scenarioOf((s) => (s.name = 'X')), () => simulated(scenario, 'flaky + retries'))).toThrow(`${COMPARISON}: a comparison of scenario "Decoupled uptime: retries, dead letters, guarantees, stale reads", not of "X"`);
  });
});
