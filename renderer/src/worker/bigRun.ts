/**
 * Big results in the engine worker: the bounded summary sent to the UI (the first records of
 * each list, thinned chart samples, a latency sample) and reads of the full trace kept in the
 * worker (pages, the state at a history step). Pure apart from the cursor's own state.
 */
import type { RunResult } from '../../../src/engine/api';
import { logEntryAt } from '../../../src/engine/report/logEntryAt';
import type { HistoryStep, Sample, Trace } from '../../../src/engine/types';
import type { BigConsumerTotals, BigRun, BigRunTotals, HistoryState, Page } from './protocol';

/** Records kept per list in a summary trace. */
export const SUMMARY_RECORDS = 2000;
/** Samples kept per chart series. */
export const SUMMARY_SAMPLES = 4000;
/** Violation steps listed for the history's markers. */
export const MAX_VIOLATION_STEPS = 1000;
/** Command latencies sampled for the latency chart. */
export const LATENCY_SAMPLE = 20_000;
/** Rows kept of each consumer output list (an outbox, an audit log, each table of a `sql` consumer). */
export const OUTPUT_ROWS = 200;

/** A consumer's output cut to its first rows: a list, or each list of an object of tables; anything else is left out. */
function outputHead(output: unknown): unknown {
  if (Array.isArray(output)) return first(output, OUTPUT_ROWS);
  if (typeof output !== 'object' || output === null) return undefined;
  const tables = Object.entries(output).filter(([, rows]) => Array.isArray(rows));
  return tables.length > 0 ? Object.fromEntries(tables.map(([name, rows]) => [name, first(rows as unknown[], OUTPUT_ROWS)])) : undefined;
}

/** Rows of each list of a consumer output (`''` for a plain list). */
function outputRows(output: unknown): Record<string, number> {
  if (Array.isArray(output)) return { '': output.length };
  if (typeof output !== 'object' || output === null) return {};
  return Object.fromEntries(Object.entries(output).flatMap(([name, rows]) => (Array.isArray(rows) ? [[name, rows.length]] : [])));
}

/** Thins a step series to about `max` samples, each the peak of the stretch it stands for (the last sample is kept). */
export function thinSamples(samples: readonly Sample[], max = SUMMARY_SAMPLES): readonly Sample[] {
  if (samples.length <= max) return samples;
  const size = Math.ceil(samples.length / (max - 1));
  const out: Sample[] = [];
  for (let start = 0; start < samples.length - 1; start += size) {
    let peak = samples[start].value;
    for (let i = start + 1; i < Math.min(samples.length - 1, start + size); i++) peak = Math.max(peak, samples[i].value);
    out.push({ t: samples[start].t, value: peak });
  }
  out.push(samples[samples.length - 1]);
  return out;
}

const first = <T>(list: readonly T[], n = SUMMARY_RECORDS): readonly T[] => (list.length <= n ? list : list.slice(0, n));

/** A trace cut to its first records, with thinned samples and the first rows of each consumer output (they can be as big as the run). */
export function summaryTrace(trace: Trace): Trace {
  const thinned = (series: Readonly<Record<string, readonly Sample[]>>) => Object.fromEntries(Object.entries(series).map(([k, s]) => [k, thinSamples(s)]));
  return {
    run: trace.run,
    decisions: first(trace.decisions),
    log: first(trace.log),
    attempts: first(trace.attempts),
    history: first(trace.history),
    queueDepth: thinSamples(trace.queueDepth),
    workers: thinSamples(trace.workers),
    consumerQueueDepth: thinned(trace.consumerQueueDepth),
    deadLetters: Object.fromEntries(Object.entries(trace.deadLetters).map(([k, seqs]) => [k, first(seqs)])),
    outputs: Object.fromEntries(Object.entries(trace.outputs).flatMap(([name, output]) => {
      const head = outputHead(output);
      return head === undefined ? [] : [[name, head]];
    })),
  };
}

/** Each consumer's full figures: attempts by outcome, dead letters (with the log entries of those the summary lists), output rows. */
function consumerTotals(trace: Trace): Record<string, BigConsumerTotals> {
  const outcomes = new Map<string, Record<string, number>>();
  for (const a of trace.attempts) {
    let c = outcomes.get(a.consumer);
    if (!c) outcomes.set(a.consumer, (c = {}));
    c[a.outcome] = (c[a.outcome] ?? 0) + 1;
  }
  const names = new Set([...outcomes.keys(), ...Object.keys(trace.deadLetters), ...Object.keys(trace.outputs)]);
  return Object.fromEntries(
    [...names].map((name) => {
      const dead = trace.deadLetters[name] ?? [];
      const deadLetterEntries = first(dead).flatMap((seq) => logEntryAt(trace, seq) ?? []);
      return [name, { outcomes: outcomes.get(name) ?? {}, deadLetters: dead.length, deadLetterEntries, outputRows: outputRows(trace.outputs[name]) }];
    }),
  );
}

/** The full sizes of a trace, its violation steps and a latency sample. */
export function totalsOf(trace: Trace): BigRunTotals {
  const violationSteps: number[] = [];
  for (let i = 0; i < trace.history.length && violationSteps.length < MAX_VIOLATION_STEPS; i++) if (trace.history[i].violations?.length) violationSteps.push(i);
  const stride = Math.max(1, Math.ceil(trace.decisions.length / LATENCY_SAMPLE));
  const latencySample: number[] = [];
  for (let i = 0; i < trace.decisions.length; i += stride) {
    const d = trace.decisions[i];
    for (let k = 0; k < d.commandIds.length; k++) latencySample.push(d.endedAt - d.arrivedAt);
  }
  return { decisions: trace.decisions.length, log: trace.log.length, attempts: trace.attempts.length, history: trace.history.length, violationSteps, latencySample, latencyStride: stride, consumers: consumerTotals(trace) };
}

/** The summary the UI receives for a big result. */
export function summarize(result: RunResult, arrivals: number): { result: RunResult; big: BigRun } {
  return {
    result: { report: result.report, traces: result.traces.map(summaryTrace) },
    big: { arrivals, kept: SUMMARY_RECORDS, runs: result.traces.map(totalsOf) },
  };
}

/** `limit` items of `list` from `offset` (clamped). */
export function pageOf<T>(list: readonly T[], offset: number, limit: number): Page<T> {
  const from = Math.max(0, Math.min(offset, list.length));
  return { offset: from, items: list.slice(from, from + Math.max(0, Math.min(limit, 10_000))), total: list.length };
}

/** The state at a movable history step of one trace: moving costs the steps in between (or a replay from the start, when shorter). */
export class HistoryCursor {
  private readonly state = new Map<string, unknown>();
  private step = -1;

  constructor(private readonly trace: Trace) {}

  /** Moves to `step` (clamped) and describes the state there, with at most `maxStreams` streams. */
  at(step: number, maxStreams: number): HistoryState {
    const history: readonly HistoryStep[] = this.trace.history;
    const target = Math.max(-1, Math.min(step, history.length - 1));
    if (target < this.step && this.step - target > target + 1) {
      this.state.clear();
      this.step = -1;
    }
    while (this.step < target) {
      const h = history[++this.step];
      this.state.set(h.stream, h.after);
    }
    while (this.step > target) {
      const h = history[this.step--];
      if (h.prevStep < 0) this.state.delete(h.stream);
      else this.state.set(h.stream, history[h.prevStep].after);
    }
    const entry = target >= 0 ? history[target] : undefined;
    const streams: Record<string, unknown> = {};
    let count = 0;
    if (entry && maxStreams > 0) {
      streams[entry.stream] = this.state.get(entry.stream);
      count++;
    }
    for (const [stream, aggregate] of this.state) {
      if (count >= maxStreams) break;
      if (stream === entry?.stream) continue;
      streams[stream] = aggregate;
      count++;
    }
    return {
      step: target,
      ...(entry ? { entry, event: logEntryAt(this.trace, entry.eventSeq), before: entry.prevStep < 0 ? undefined : history[entry.prevStep].after } : {}),
      streams,
      streamCount: this.state.size,
    };
  }
}
