/**
 * A run's event log as records of `purestream/events@1`: setup and run commands, their
 * events (seq as in the run's log) and rejections, so replaying the export rebuilds the
 * run's final state and `stateHash`. Pure.
 *
 * Where records go (contract decisions):
 * - Events in seq order, `at` = the virtual time they were appended.
 * - A command is placed where its decision read the state: after the last event the state
 *   store had enacted when the decision started (so deciding it again there, as `inspect`'s
 *   drift does, sees exactly what the run's worker saw). Commands at the same place keep
 *   the order their decisions started in. A command's `at` is its own timestamp.
 * - Items of a batch are consecutive command records with `batch: [{ id, mode }...]`, the
 *   batches they are in from the root down. A rejection follows its command (or batch),
 *   `at` = the end of the decision.
 * - Setup inputs are decided in order against the setup state, like the engine does.
 */
import { commandOutcomes, decideInput, isBatch, StateOverlay, type AnyDomainModule, type CommandEnvelope, type DecisionInput, type StateView } from '../../domain/kernel';
import type { Arrival, Trace } from '../engine/types';

/** One record of the exported log, as written (plain JSON). */
export type ExportRecord = Readonly<Record<string, unknown>> & ({ readonly kind: 'command' | 'rejection' } | { readonly seq: number });

/** What an export needs: the run's trace and the scenario's expanded inputs. */
export interface ExportInput {
  readonly decider: AnyDomainModule;
  readonly trace: Trace;
  readonly setup: readonly DecisionInput[];
  readonly arrivals: readonly Arrival[];
  /** Whether the run used the authorization policy (written in the header). */
  readonly authorize: boolean;
}

/** The header line of an exported events file (`scenario`, `run` and `authorize` extend the spec's header). */
export const exportHeader = (domain: string, scenario: string, run: string, authorize: boolean) => ({ format: 'purestream/events@1', domain, scenario, run, authorize });

/** The command records of one input: a command, or a batch's commands in order. */
function commandRecords(input: DecisionInput, authorize: boolean, levels: readonly { id: string; mode: string }[] = []): ExportRecord[] {
  if (isBatch(input)) return input.items.flatMap((item) => commandRecords(item, authorize, [...levels, { id: input.id, mode: input.mode }]));
  const c: CommandEnvelope = input;
  return [
    {
      kind: 'command',
      id: c.id,
      type: c.type,
      at: c.at,
      data: c.data,
      ...(c.actor !== undefined ? { actor: c.actor } : {}),
      ...(levels.length ? { batch: levels } : {}),
      ...(authorize ? { authorize } : {}),
    },
  ];
}

/** The exported records of a run, in log order. */
export function exportRecords(input: ExportInput): ExportRecord[] {
  const { trace } = input;
  /** Records to place after event seq p (p = 0: before the first event). */
  const placed = new Map<number, ExportRecord[]>();
  const place = (p: number, records: ExportRecord[]) => {
    const list = placed.get(p);
    if (list) for (const r of records) list.push(r);
    else placed.set(p, records);
  };
  placeSetup(input, place);
  const inputs = new Map<string, DecisionInput>();
  for (const a of input.arrivals) if (!inputs.has(a.input.id)) inputs.set(a.input.id, a.input);
  const readPoint = readPoints(trace);
  const decisions = [...trace.decisions].sort((a, b) => a.startedAt - b.startedAt);
  for (const d of decisions) {
    const decided = inputs.get(d.inputId);
    if (!decided) continue;
    const rejections: ExportRecord[] = d.rejections.map((r) => ({ kind: 'rejection', commandId: r.commandId, code: r.rejection.code, at: d.endedAt }));
    place(readPoint(d.stateVersion), [...commandRecords(decided, input.authorize), ...rejections]);
  }
  const out: ExportRecord[] = [...(placed.get(0) ?? [])];
  for (const e of trace.log) {
    out.push({ seq: e.seq, id: e.id, type: e.type, at: e.appendedAt, data: e.data, stream: e.stream, causationId: e.causationId, correlationId: e.correlationId });
    // one by one: a read point can hold more records than a spread's argument list may (a stack overflow past ~100k)
    for (const r of placed.get(e.seq) ?? []) out.push(r);
  }
  return out;
}

/** Setup inputs decided in order (as the engine does before time 0); each placed after the events before it. */
function placeSetup(input: ExportInput, place: (p: number, records: ExportRecord[]) => void): void {
  const state = new StateOverlay<unknown>({ get: () => undefined } as StateView<unknown>);
  let appended = 0;
  for (const setupInput of input.setup) {
    const outcome = decideInput(input.decider, setupInput, state);
    const rejections: ExportRecord[] = commandOutcomes(outcome)
      .filter((o) => !o.accepted)
      .map((o) => ({ kind: 'rejection', commandId: o.command.id, code: o.rejection?.code ?? 'rejected', at: 0 }));
    place(appended, [...commandRecords(setupInput, false), ...rejections]);
    state.apply(input.decider, outcome.events);
    appended += outcome.events.length;
  }
}

/** Maps a decision's state version (enactments done) to the seq after which its command goes. */
function readPoints(trace: Trace): (version: number) => number {
  // history has one step per enactment when traced; the read point is the highest seq enacted so far
  const prefixMax: number[] = [0];
  for (const step of trace.history) prefixMax.push(Math.max(prefixMax[prefixMax.length - 1], step.eventSeq));
  return (version) => (trace.history.length > 0 ? prefixMax[Math.min(version, prefixMax.length - 1)] : version);
}
