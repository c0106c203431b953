/**
 * `enact` and `compare-real` with a domain module (domain-modules.md: a module runs "in every
 * command-line command"): the bank sample's run published to JetStream, its state store enacted
 * with the module's `evolve` in the module's worker — stopped as if it crashed and resumed — and the
 * real run set beside the simulated one; a module that throws while enacting ends the enactment
 * with the module's one-line message, the delivery unacknowledged and the real run kept. A real run
 * enacted with `--domain` under a consumer name of its own is set beside the run's consumer that
 * `compare-real --consumer` names.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { natsForTests, uniqueName } from '../servers';
import { cli } from '../cli/cli';

const samples = new URL('../../../samples/domains/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'purestream-module-real-'));
const scenario = join(samples, 'bank.scenario.json');

describe('enact and compare-real with a domain module', () => {
  const nats = natsForTests();

  it("the bank module's state store enacted on JetStream in the module's worker, stopped and resumed, ends in the simulated state", async () => {
    const stream = uniqueName('bank').toUpperCase();
    const published = await cli(['publish', scenario, '--run', 'one queue', '--to', nats.url(stream)]);
    expect([published.code, published.err]).toEqual([0, '']);
    const events = Number(/published (\d+) events/.exec(published.out)![1]);

    const state = join(dir, `${stream}.state.jsonl`);
    const enact = ['enact', '--from', nats.url(stream), '--consumer', 'state', '--scenario', scenario, '--run', 'one queue', '--state', state, '--ack-wait', '300'];
    const crashed = await cli([...enact, '--stop-after', '10']);
    expect([crashed.code, crashed.err]).toEqual([0, '']);
    expect(crashed.out).toMatch(/^stopped after 10 deliveries, the last one enacted but not acknowledged/);
    // a real run stopped and not resumed is not final: compare-real says so and does not call it a broken guarantee
    const early = await cli(['compare-real', scenario, '--run', 'one queue', '--real', state]);
    expect([early.code, early.err]).toEqual([0, '']);
    expect(early.out).toContain('The real run was stopped before its stream was enacted (stopped after 10 deliveries, the last one not acknowledged): its state is not final, so the states are not compared yet — run enact again with the same --state file to resume.\n');
    const resumed = await cli([...enact, '--json']);
    expect([resumed.code, resumed.err]).toEqual([0, '']);
    const enacted = JSON.parse(resumed.out);
    expect(enacted).toMatchObject({ format: 'purestream/enactment@1', consumer: 'state', ended: 'done', enacted: events, sessions: 2 });
    expect(JSON.parse(readFileSync(state, 'utf8').split('\n')[0])).toMatchObject({ format: 'purestream/real-run@1', domain: 'bank', run: 'one queue' });

    const run = JSON.parse((await cli(['run', scenario, '--run', 'one queue', '--json'])).out);
    expect(enacted.stateHash).toBe(run.runs[0].stateHash);
    // what publish counts beside what run reports: the run's events, and the setup's (the bank's accounts opened and funded)
    const runEvents = run.runs[0].metrics.events;
    expect(published.out).toMatch(new RegExp(`^published ${events} events \\(${runEvents} of the run, ${events - runEvents} setup\\) of run "one queue"`));
    expect(events - runEvents).toBe(4);
    const compared = await cli(['compare-real', scenario, '--run', 'one queue', '--real', state]);
    expect([compared.code, compared.err]).toEqual([0, '']);
    expect(compared.out).toContain('The final states are equal');
    expect(compared.out).toContain(`stateHash ${run.runs[0].stateHash}`);
    // the counts include the setup's events, which the run's report leaves out: said under the table (second trial)
    expect(compared.out).toContain("  Deliveries and events enacted include the setup's 4 events on both sides, which the run's own report (its Events) leaves out.\n");

    // a state store of the module with the defaults: --domain PATH, relative to the working directory
    const byDomain = await cli(['enact', '--from', nats.url(stream), '--consumer', 'ledger', '--domain', './bank.ts', '--json'], { cwd: samples });
    expect([byDomain.code, byDomain.err]).toEqual([0, '']);
    expect(JSON.parse(byDomain.out)).toMatchObject({ consumer: 'ledger', enacted: events, stateHash: run.runs[0].stateHash });
    // a new real run of a consumer the broker already delivered to would be empty: refused, saying why and what to do
    const again = await cli(['enact', '--from', nats.url(stream), '--consumer', 'ledger', '--domain', './bank.ts'], { cwd: samples });
    expect(again).toEqual({
      code: 1,
      out: '',
      err: `${nats.url(stream)}: stream ${stream} already has a consumer ledger that an earlier enact took ${events} deliveries from: resume that real run with its --state file, use another --consumer, or delete it (nats consumer rm ${stream} ledger)\n`,
    });
  });

  it('a real run enacted with --domain under a consumer name of its own: compare-real --consumer sets it beside the run\'s state store (the trial\'s "no consumer of that name")', async () => {
    const stream = uniqueName('bankmine').toUpperCase();
    expect((await cli(['publish', scenario, '--run', 'one queue', '--to', nats.url(stream)])).code).toBe(0);
    const state = join(dir, `${stream}.mine.jsonl`);
    const enacted = await cli(['enact', '--from', nats.url(stream), '--consumer', 'myname', '--domain', './bank.ts', '--state', state], { cwd: samples });
    expect([enacted.code, enacted.err]).toEqual([0, '']);
    const compare = ['compare-real', scenario, '--run', 'one queue', '--real', state];
    expect(await cli(compare)).toEqual({
      code: 1,
      out: '',
      err: `${state}: a real run of consumer "myname", but run "one queue" has no consumer of that name (its consumers: "state"): name the one it stands for with --consumer state\n`,
    });
    const compared = await cli([...compare, '--consumer', 'state']);
    expect([compared.code, compared.err]).toEqual([0, '']);
    expect(compared.out).toMatch(new RegExp(`^compare-real: run "one queue" of Bring your own rules: a bank with overdrafts, consumer "state" \\(state-store, exactly-once, idempotent\\) — real on ${nats.url(stream).replace(/[.]/g, '\\.')} by consumer "myname"\n`));
    const run = JSON.parse((await cli(['run', scenario, '--run', 'one queue', '--json'])).out);
    expect(compared.out).toContain(`The final states are equal (stateHash ${run.runs[0].stateHash}), as they must be for an exactly-once consumer.`);
    const json = JSON.parse((await cli([...compare, '--consumer', 'state', '--json'])).out);
    expect(json).toMatchObject({ format: 'purestream/real-comparison@1', run: 'one queue', consumer: 'state', realConsumer: 'myname', sameFinalState: true });
  });

  it("a stream holding two runs' events: enact takes only its run's (by the Purestream-Run header), so compare-real finds the states equal (the trial's DIFFER)", async () => {
    const stream = uniqueName('bankmixed').toUpperCase();
    expect((await cli(['publish', scenario, '--run', 'one queue', '--to', nats.url(stream)])).code).toBe(0);
    // four workers accept withdrawals one queue rejected: those events' ids are new to the stream and
    // are kept, the others dropped, so run "4 workers" is there incomplete: publish fails, saying so
    const other = await cli(['publish', scenario, '--run', '4 workers', '--to', nats.url(stream)]);
    expect([other.code, other.out]).toEqual([1, '']);
    expect(other.err).toMatch(new RegExp(`^${nats.url(stream).replace(/[.]/g, '\\.')}: stream ${stream} kept \\d+ of the 50 events of run "4 workers", so it holds the run incomplete: .* which holds run "one queue" of this scenario`));
    const stored = Number(/kept (\d+) of the/.exec(other.err)![1]);
    expect(stored).toBeGreaterThan(0);
    const state = join(dir, `${stream}.mixed.jsonl`);
    const enact = await cli(['enact', '--from', nats.url(stream), '--consumer', 'state', '--scenario', scenario, '--run', 'one queue', '--state', state]);
    expect([enact.code, enact.err]).toEqual([0, '']);
    expect(enact.out).toContain(`; ${stored} message${stored === 1 ? '' : 's'} skipped (not events of this run)\n`);
    const skipped = readFileSync(state, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.t === 'skipped');
    expect(skipped[0].why).toBe('an event of run "4 workers" of "Bring your own rules: a bank with overdrafts" (seed 3), as its Purestream-Run header says, not of this run');
    const compared = await cli(['compare-real', scenario, '--run', 'one queue', '--real', state]);
    expect([compared.code, compared.err]).toEqual([0, '']);
    expect(compared.out).toContain('The final states are equal');
  });

  it("a module whose evolve throws while enacting: the module's message, exit 1, the delivery unacknowledged and the real run kept", async () => {
    const stream = uniqueName('bankfault').toUpperCase();
    expect((await cli(['publish', scenario, '--run', 'one queue', '--to', nats.url(stream)])).code).toBe(0);
    // the same rules (and id, bank, so it reads the stream), except that evolve throws on the first withdrawal
    const text = readFileSync(join(samples, 'bank.ts'), 'utf8');
    const header = 'function evolve(account: Account | undefined, event: BankEvent): Account {';
    expect(text).toContain(header);
    const own = mkdtempSync(join(dir, 'own-'));
    writeFileSync(join(own, 'broken.ts'), text.replace(header, `${header}\n  if (event.type === 'MoneyWithdrawn') throw new Error('ledger closed');`));
    const state = join(own, 'real.jsonl');
    const r = await cli(['enact', '--from', nats.url(stream), '--consumer', 'ledger', '--domain', './broken.ts', '--state', 'real.jsonl', '--ack-wait', '300'], { cwd: own });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      './broken.ts: evolve threw while evolving event c1.1 (MoneyWithdrawn): Error: ledger closed (at ./broken.ts:45); ' +
        'enact stopped there without acknowledging the delivery: mend the module and run enact again to resume (the real run is kept in real.jsonl)\n',
    );
    const lines = readFileSync(state, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ format: 'purestream/real-run@1', domain: 'bank' });
    expect(lines.filter((l) => l.t === 'delivery').every((l) => l.outcome === 'enacted')).toBe(true);
  });

  it('Ctrl-C ends a live enactment in the module\'s worker at its next wait: "interrupted", with what was enacted', async () => {
    const stream = uniqueName('banklive').toUpperCase();
    const published = await cli(['publish', scenario, '--run', 'one queue', '--to', nats.url(stream)]);
    const events = Number(/published (\d+) events/.exec(published.out)![1]);
    const state = join(dir, `${stream}.live.jsonl`);
    let stop: (() => void) | undefined;
    const live = cli(['enact', '--from', nats.url(stream), '--consumer', 'tail', '--domain', './bank.ts', '--state', state, '--until', 'live'], { cwd: samples, onInterrupt: (handler) => (stop = handler) });
    const enactedSoFar = () => (existsSync(state) ? readFileSync(state, 'utf8').split('\n').filter((l) => l.includes('"outcome":"enacted"')).length : 0);
    for (let i = 0; i < 300 && enactedSoFar() < events; i++) await new Promise((r) => setTimeout(r, 50));
    expect(enactedSoFar()).toBe(events);
    stop!();
    const r = await live;
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(new RegExp(`^interrupted on ${nats.url(stream).replace(/[.]/g, '\\.')} by consumer "tail" \\(state-store, exactly-once;`));
    expect(r.out).toContain(`${events} events enacted`);
  });
});
