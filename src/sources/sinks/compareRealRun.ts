/**
 * A real run set beside the simulated run it enacted (sources.md, "Sinks"): `purestream
 * compare-real` and the app's Compare both call `compareRealRun` — the checks that the real run
 * belongs to the scenario's run (domain, scenario, run, seed, the consumer as it was configured),
 * each failing with one message naming the file and what differs, then the comparison of
 * ./compareReal.ts. The app also opens a `purestream/real-comparison@1` file `compare-real --json`
 * wrote (`readRealComparison`, checked by `checkRealComparison`). Pure (the caller reads the
 * files, runs the simulation and supplies sql.js for a `sql` consumer).
 */
import type { AnyDomainModule } from '../../../domain/kernel';
import { canonicalJson } from '../../engine/report/canonicalJson';
import type { EngineServices } from '../../engine/consumers/interpreter';
import { getOwn } from '../../engine/record';
import type { ConsumerConfig, RunConfig, Scenario, Trace } from '../../engine/types';
import { stateHash } from '../../engine/report/stateHash';
import { comparableState, compareReal, setupEventCount, simulatedCounts, type DeadLetter, type RealComparison } from './compareReal';
import { REAL_RUN_FORMAT, parseRealRun, type RealRun, type RealRunHeader } from './realRun';
import { findRunConsumer, isRunStore, runConsumerNames } from './runConsumers';
import { withoutBom } from '../../engine/jsonText';

/** The simulated run a real run is set beside. */
export interface SimulatedRunSide {
  readonly scenario: Pick<Scenario, 'name' | 'domain' | 'seed' | 'runs'>;
  readonly run: RunConfig;
  /** The run's trace. */
  readonly trace: Trace;
  /** The run's final state (its state store's), from its report. */
  readonly finalState: unknown;
  readonly decider: AnyDomainModule;
  /** sql.js for a `sql` consumer. */
  readonly services?: EngineServices;
  /**
   * The run's consumer the real run stands for (`compare-real --consumer`), when the real run's
   * own consumer name is not one of the run's (a consumer named freely with `enact --domain`);
   * absent: the consumer of the real run's name.
   */
  readonly consumer?: string;
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * The run of `scenario` a real run belongs to, by its header (the name `enact --run` kept); an
 * Error naming `file` when it is another domain's or scenario's, was enacted with another seed,
 * names a run the scenario does not have, or was enacted without a scenario.
 */
export function runOfRealRun(header: RealRunHeader, file: string, scenario: SimulatedRunSide['scenario']): RunConfig {
  checkOrigin(header, file, scenario);
  if (header.run === undefined)
    throw new Error(`${file}: enacted without a scenario (enact --domain ${header.domain}): set it beside a run on the command line: purestream compare-real SCENARIO --run NAME --real ${file}`);
  const run = scenario.runs.find((r) => r.name === header.run);
  if (!run) throw new Error(`${file}: a real run of run "${header.run}", but the scenario has no run of that name (its runs: ${quoted(scenario.runs.map((r) => r.name))})`);
  return run;
}

/** The domain, scenario and seed a real run was enacted with, against the scenario's. */
function checkOrigin(header: RealRunHeader, file: string, scenario: SimulatedRunSide['scenario']): void {
  if (header.domain !== scenario.domain) throw new Error(`${file}: a real run of domain ${header.domain}, but the scenario is of domain ${scenario.domain}`);
  if (header.scenario === undefined) return;
  if (header.scenario !== scenario.name) throw new Error(`${file}: a real run of scenario "${header.scenario}", not of "${scenario.name}"`);
  if (header.seed !== scenario.seed)
    throw new Error(`${file}: enacted with seed ${header.seed}, but the scenario's seed is ${scenario.seed} now: the failures injected on the broker were drawn for another run; enact it again`);
}

/** The settings of a consumer that differ between two configurations of it. */
function changedSettings(then: ConsumerConfig, now: ConsumerConfig): string[] {
  const a = then as unknown as Record<string, unknown>;
  const b = now as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null)).sort();
}

/** The events a run's consumer dead-lettered, from its trace. */
function simulatedDeadLetters(trace: Trace, consumer: string): DeadLetter[] {
  const seqs = getOwn(trace.deadLetters, consumer) ?? [];
  const wanted = new Set(seqs);
  const bySeq = new Map(trace.log.filter((e) => wanted.has(e.seq)).map((e) => [e.seq, e]));
  return seqs.map((seq) => {
    const e = bySeq.get(seq);
    return e ? { id: e.id, type: e.type } : {};
  });
}

/**
 * The real run beside the simulated run `sim` (the run named by `--run` on the command line, by
 * the real run's header in the app): the same numbers and verdict wherever it is asked. An Error
 * naming `file` when the real run is not this run's (see `runOfRealRun`) or its consumer is not
 * the run's, or is configured otherwise now.
 */
export function compareRealRun(real: RealRun, file: string, sim: SimulatedRunSide): RealComparison {
  const h = real.header;
  checkOrigin(h, file, sim.scenario);
  if (h.run !== undefined && h.run !== sim.run.name) throw new Error(`${file}: a real run of run "${h.run}", not "${sim.run.name}"`);
  const consumer = runConsumerOf(h, file, sim);
  const name = consumer.name;
  const changed = h.scenario === undefined ? [] : changedSettings(h.consumer, consumer);
  if (changed.length > 0)
    throw new Error(`${file}: consumer "${name}" was enacted as run "${sim.run.name}" configured it then; its ${changed.join(', ')} ${changed.length === 1 ? 'is' : 'are'} configured otherwise now: enact it again`);
  const idOf = new Map<string, string>();
  for (const e of sim.trace.log) idOf.set(e.id, e.type);
  return compareReal({
    scenario: sim.scenario.name,
    run: sim.run.name,
    consumer,
    simulatedCounts: simulatedCounts(sim.trace, name, subscriber(consumer)),
    setupEvents: setupEventCount(sim.trace, subscriber(consumer)),
    simulatedState: simulatedState(sim, name),
    realCounts: real.tally(),
    realState: real.rebuild(sim.decider, sim.services).output(),
    source: h.source,
    ...(h.consumer.name !== name ? { realConsumer: h.consumer.name } : {}),
    simulatedDeadLetters: simulatedDeadLetters(sim.trace, name),
    stopped: real.stoppedWhy(),
    realDeadLetters: real.deadLetters().map((d) => ({ ...(d.event !== undefined ? { id: d.event, ...(idOf.has(d.event) ? { type: idOf.get(d.event) } : {}) } : {}), seq: d.seq })),
  });
}

/**
 * The consumer of the simulated run that the real run is set beside: `sim.consumer` when given
 * (compare-real --consumer), else the real run's. An Error naming `file` when the run has no
 * such consumer, when a real run enacted for a scenario's consumer is set beside another one, or
 * when a consumer enacted with `enact --domain` (a state store) is set beside one of another kind.
 */
function runConsumerOf(h: RealRunHeader, file: string, sim: SimulatedRunSide): ConsumerConfig {
  const own = h.consumer.name;
  const name = sim.consumer ?? own;
  if (h.scenario !== undefined && name !== own)
    throw new Error(`${file}: a real run of consumer "${own}" of run "${h.run ?? sim.run.name}" (enacted with --scenario), which stands for that consumer only, not "${name}"`);
  const consumer = findRunConsumer(sim.run, name);
  if (!consumer) {
    const hint = sim.consumer === undefined && h.scenario === undefined ? `: name the one it stands for with --consumer ${standIns(sim.run, h.consumer.interpreter)}` : '';
    throw new Error(`${file}: ${sim.consumer === undefined ? 'a real run of consumer' : '--consumer names'} "${name}", but run "${sim.run.name}" has no consumer of that name (its consumers: ${quoted(runConsumerNames(sim.run))})${hint}`);
  }
  if (h.scenario === undefined && consumer.interpreter !== h.consumer.interpreter)
    throw new Error(
      `${file}: a real run of consumer "${own}" (enacted with --domain), whose interpreter is ${h.consumer.interpreter}, but consumer "${name}" of run "${sim.run.name}" is ${consumer.interpreter}: ` +
        `name one that is ${h.consumer.interpreter} with --consumer ${standIns(sim.run, h.consumer.interpreter)}`,
    );
  return consumer;
}

/** The run's consumers a real run of an `interpreter` consumer may stand for, for a message: `state`, `a or b`, or `NAME` when none. */
function standIns(run: RunConfig, interpreter: string): string {
  const names = runConsumerNames(run).filter((n) => findRunConsumer(run, n)?.interpreter === interpreter);
  return names.length === 0 ? 'NAME' : names.map((n) => (/^[\w.-]+$/.test(n) ? n : JSON.stringify(n))).join(' or ');
}

const subscriber = (consumer: ConsumerConfig) => (type: string) => consumer.events === '*' || consumer.events.includes(type);

/** A consumer's state at the end of the simulated run: the run's final state for its state store, else the consumer's output. */
const simulatedState = (sim: SimulatedRunSide, name: string): unknown => (isRunStore(sim.run, name) ? sim.finalState : getOwn(sim.trace.outputs, name));

/** The format name of a comparison `compare-real --json` writes. */
export const REAL_COMPARISON_FORMAT = 'purestream/real-comparison@1';

/** What a file the app is given to set beside a run holds: a real run, or a comparison `compare-real --json` wrote. */
export type RealFile = { readonly kind: 'real-run'; readonly run: RealRun } | { readonly kind: 'comparison'; readonly comparison: RealComparison };

const SIDE_FIELDS = ['deliveries', 'redeliveries', 'failures', 'duplicates', 'deadLettered', 'lost', 'enacted'] as const;

/** Reads a real run (`purestream/real-run@1`, JSON Lines) or a real comparison (`purestream/real-comparison@1`, one JSON object); an Error naming `file` and the line or field that is wrong. */
export function readRealFile(text: string, file: string): RealFile {
  const body = withoutBom(text);
  let whole: unknown;
  try {
    whole = JSON.parse(body);
  } catch {
    // not one JSON value: JSON Lines, read below
  }
  const format = typeof whole === 'object' && whole !== null ? (whole as { format?: unknown }).format : undefined;
  if (format === REAL_COMPARISON_FORMAT) return { kind: 'comparison', comparison: checkedComparison(whole as Record<string, unknown>, file) };
  if (whole !== undefined && format !== REAL_RUN_FORMAT)
    throw new Error(`${file}: not a real run (${REAL_RUN_FORMAT}, as purestream enact --state writes) nor a real comparison (${REAL_COMPARISON_FORMAT}, as purestream compare-real --json writes)${typeof format === 'string' ? `: its format is "${format}"` : ''}`);
  return { kind: 'real-run', run: parseRealRun(body, file) };
}

/** A real comparison's fields, checked enough to show it; an Error naming the field that is wrong. */
function checkedComparison(c: Record<string, unknown>, file: string): RealComparison {
  const fail = (path: string, what: string) => new Error(`${file}: ${path}: expected ${what}`);
  for (const key of ['scenario', 'run', 'consumer', 'interpreter', 'delivery'] as const) if (typeof c[key] !== 'string') throw fail(key, 'a string');
  for (const key of ['idempotent', 'mustBeEqual', 'sameFinalState'] as const) if (typeof c[key] !== 'boolean') throw fail(key, 'true or false');
  for (const side of ['simulated', 'real'] as const) {
    const s = c[side] as Record<string, unknown> | undefined;
    if (typeof s !== 'object' || s === null) throw fail(side, 'an object');
    for (const key of SIDE_FIELDS) if (typeof s[key] !== 'number') throw fail(`${side}.${key}`, 'a number');
    if (typeof s.stateHash !== 'string') throw fail(`${side}.stateHash`, 'a string');
  }
  if (!Array.isArray(c.differences)) throw fail('differences', 'a list');
  const real = c.real as Record<string, unknown>;
  // written before dead letters were listed: none known
  const side = (s: Record<string, unknown>) => ({ ...s, deadLetters: Array.isArray(s.deadLetters) ? s.deadLetters : [] });
  return {
    ...(c as unknown as RealComparison),
    simulated: side(c.simulated as Record<string, unknown>) as unknown as RealComparison['simulated'],
    real: { ...side(real), sessions: typeof real.sessions === 'number' ? real.sessions : 1, source: typeof real.source === 'string' ? real.source : 'the broker' } as unknown as RealComparison['real'],
    sameDeadLetters: typeof c.sameDeadLetters === 'boolean' ? c.sameDeadLetters : (c.simulated as { deadLettered: number }).deadLettered === real.deadLettered,
  };
}

/**
 * Checks that a comparison `compare-real --json` wrote is of this scenario's run and that the run
 * still simulates as it did then (its side recomputed from `simulated(run)` is the file's); an
 * Error naming `file` and what differs. Returns the run.
 */
export function checkRealComparison(c: RealComparison, file: string, scenario: SimulatedRunSide['scenario'], simulated: (run: RunConfig) => SimulatedRunSide): RunConfig {
  if (c.scenario !== scenario.name) throw new Error(`${file}: a comparison of scenario "${c.scenario}", not of "${scenario.name}"`);
  const run = scenario.runs.find((r) => r.name === c.run);
  if (!run) throw new Error(`${file}: a comparison of run "${c.run}", but the scenario has no run of that name (its runs: ${quoted(scenario.runs.map((r) => r.name))})`);
  const consumer = findRunConsumer(run, c.consumer);
  if (!consumer) throw new Error(`${file}: a comparison of consumer "${c.consumer}", but run "${run.name}" has no consumer of that name (its consumers: ${quoted(runConsumerNames(run))})`);
  const sim = simulated(run);
  const counts = simulatedCounts(sim.trace, consumer.name, subscriber(consumer));
  const hash = stateHash(comparableState(simulatedState(sim, consumer.name)));
  if (hash !== c.simulated.stateHash || SIDE_FIELDS.some((k) => counts[k] !== c.simulated[k]))
    throw new Error(`${file}: run "${run.name}" simulates otherwise now than when this comparison was made (the scenario changed): open the real run it was made from instead`);
  return run;
}
