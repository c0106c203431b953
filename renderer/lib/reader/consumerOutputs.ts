/**
 * What each consumer of a run did, read from its trace: attempts by outcome, dead letters, and
 * its output lists (first rows and full sizes). Consumer names are the user's, so results are
 * Maps keyed by name, and a trace's per-consumer records are read only for configured names
 * (`toString` or `__proto__` name a consumer like any other). Pure.
 */
import { getOwn } from '../../../src/engine/record';
import type { ConsumerConfig, Trace } from '../../../src/engine/types';
import type { ConsumerOutput, OutputTable } from './runReader';
import type { TraceIndex } from './traceIndex';

type Row = Readonly<Record<string, unknown>>;

const isRows = (v: unknown): v is Row[] => Array.isArray(v) && v.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r));

/** The named lists of a consumer's output: one unnamed list, or an object of tables; undefined: neither. */
export function outputLists(output: unknown): [string, readonly Row[]][] | undefined {
  if (isRows(output)) return [['', output]];
  if (typeof output !== 'object' || output === null || Array.isArray(output)) return undefined;
  const tables = Object.entries(output).filter((e): e is [string, Row[]] => isRows(e[1]));
  return tables.length > 0 ? tables : undefined;
}

/** Each configured consumer's figures and output, with the first `rows` rows of each list. */
export function consumerOutputs(index: TraceIndex, consumers: readonly ConsumerConfig[], rows: number): Map<string, ConsumerOutput> {
  const trace = index.trace;
  const outcomes = new Map<string, Map<string, number>>();
  for (const a of trace.attempts) {
    let c = outcomes.get(a.consumer);
    if (!c) outcomes.set(a.consumer, (c = new Map()));
    c.set(a.outcome, (c.get(a.outcome) ?? 0) + 1);
  }
  const out = new Map<string, ConsumerOutput>();
  for (const c of consumers) {
    const dead = getOwn(trace.deadLetters, c.name) ?? [];
    const output = getOwn(trace.outputs, c.name);
    const lists = outputLists(output);
    const tables: OutputTable[] = (lists ?? []).map(([name, list]) => ({ name, rows: list.slice(0, rows), total: list.length }));
    const empty = output === undefined || (Array.isArray(output) && output.length === 0);
    out.set(c.name, {
      outcomes: outcomes.get(c.name) ?? new Map(),
      deadLetters: dead.length,
      deadLetterEntries: dead.slice(0, rows).flatMap((seq) => index.event(seq) ?? []),
      tables,
      ...(lists || empty ? {} : { other: output }),
    });
  }
  return out;
}

/** Every row of each table of consumer `name`'s output. */
export function outputTables(trace: Trace, name: string): Map<string, readonly Row[]> {
  return new Map(outputLists(getOwn(trace.outputs, name)) ?? []);
}
