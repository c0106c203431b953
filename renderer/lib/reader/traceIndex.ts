/**
 * Lookups over one trace that the run reader's parts share, each built once on first use:
 * event seq → history step, command id → its first event and its decision, event seq → its
 * delivery attempts, and the scenario's inputs by id. Typed arrays where a trace can hold a
 * million entries. Pure apart from its caches.
 */
import { isBatch, type CommandEnvelope, type DecisionInput } from '../../../domain/kernel';
import type { AttemptRecord, DecisionRecord, LogEntry, Trace } from '../../../src/engine/types';
import { logEntryAt } from '../../../src/engine/report/logEntryAt';

/** The expanded inputs of a scenario (setup, then arrivals). */
export interface ScenarioInputs {
  readonly setup: readonly DecisionInput[];
  readonly arrivals: readonly { readonly input: DecisionInput }[];
}

/** One trace's lookups; `inputs` expands the scenario when first needed (undefined: no scenario, e.g. a stored run without one). */
export class TraceIndex {
  private stepsBySeq?: Int32Array;
  private firstSeqs?: Map<string, number>;
  private decisionsByCommand?: Map<string, number>;
  private attemptOrder?: { order: Uint32Array; offsets: Uint32Array };
  private inputIndex?: { inputs: Map<string, DecisionInput>; commands: Map<string, CommandEnvelope> };

  constructor(
    readonly trace: Trace,
    private readonly inputs: () => ScenarioInputs | undefined,
  ) {}

  /** The log entry with seq `seq`. */
  event(seq: number): LogEntry | undefined {
    return logEntryAt(this.trace, seq);
  }

  /** The history step that enacted event `seq` (undefined: none did). */
  stepOfSeq(seq: number): number | undefined {
    if (!this.stepsBySeq) {
      let top = 0;
      for (const h of this.trace.history) top = Math.max(top, h.eventSeq);
      const steps = new Int32Array(top + 1).fill(-1);
      this.trace.history.forEach((h, i) => (steps[h.eventSeq] = i));
      this.stepsBySeq = steps;
    }
    const step = this.stepsBySeq[seq];
    return step === undefined || step < 0 ? undefined : step;
  }

  /** The seq of the first event command `id` caused (undefined: none). */
  firstSeqOf(commandId: string): number | undefined {
    if (!this.firstSeqs) {
      const first = new Map<string, number>();
      for (const e of this.trace.log) if (!first.has(e.causationId)) first.set(e.causationId, e.seq);
      this.firstSeqs = first;
    }
    return this.firstSeqs.get(commandId);
  }

  /** The index of the decision that decided command `id` (undefined: a setup command, or unknown). */
  decisionOf(commandId: string): number | undefined {
    if (!this.decisionsByCommand) {
      const by = new Map<string, number>();
      this.trace.decisions.forEach((d, i) => {
        for (const c of d.commandIds) by.set(c, i);
        by.set(d.inputId, i);
      });
      this.decisionsByCommand = by;
    }
    return this.decisionsByCommand.get(commandId);
  }

  /** Whether command `id` was decided by a worker (not in setup). */
  decided(commandId: string): boolean {
    return this.decisionOf(commandId) !== undefined;
  }

  /** The delivery attempts of event `seq`, in the order they were made. */
  attemptsOf(seq: number): AttemptRecord[] {
    if (!this.attemptOrder) {
      const attempts = this.trace.attempts;
      let top = 0;
      for (const a of attempts) top = Math.max(top, a.eventSeq);
      const offsets = new Uint32Array(top + 2);
      for (const a of attempts) offsets[a.eventSeq + 1]++;
      for (let s = 1; s < offsets.length; s++) offsets[s] += offsets[s - 1];
      const fill = offsets.slice();
      const order = new Uint32Array(attempts.length);
      attempts.forEach((a, i) => (order[fill[a.eventSeq]++] = i));
      this.attemptOrder = { order, offsets };
    }
    const { order, offsets } = this.attemptOrder;
    if (seq + 1 >= offsets.length) return [];
    const out: AttemptRecord[] = [];
    for (let k = offsets[seq]; k < offsets[seq + 1]; k++) out.push(this.trace.attempts[order[k]]);
    return out;
  }

  /** The decision record at `index`. */
  decision(index: number): DecisionRecord | undefined {
    return this.trace.decisions[index];
  }

  /** The scenario's input (command or batch, nested ones included) with id `id`. */
  input(id: string): DecisionInput | undefined {
    return this.scenarioIndex()?.inputs.get(id);
  }

  /** The scenario's command with id `id`. */
  command(id: string): CommandEnvelope | undefined {
    return this.scenarioIndex()?.commands.get(id);
  }

  private scenarioIndex(): { inputs: Map<string, DecisionInput>; commands: Map<string, CommandEnvelope> } | undefined {
    if (this.inputIndex) return this.inputIndex;
    const expanded = this.inputs();
    if (!expanded) return undefined;
    const inputs = new Map<string, DecisionInput>();
    const commands = new Map<string, CommandEnvelope>();
    const walk = (input: DecisionInput): void => {
      inputs.set(input.id, input);
      if (isBatch(input)) input.items.forEach(walk);
      else commands.set(input.id, input);
    };
    expanded.setup.forEach(walk);
    expanded.arrivals.forEach((a) => walk(a.input));
    return (this.inputIndex = { inputs, commands });
  }
}
