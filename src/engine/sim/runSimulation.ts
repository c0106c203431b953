/** Runs one run configuration end to end: simulation, then its report entry and trace. */
import type { Interpreter } from '../consumers/interpreter';
import { setOwn } from '../record';
import { runReport } from '../report/runReport';
import type { RunReport, Trace } from '../types';
import { Simulation, type SimulationInput } from './simulation';

/** What one run produces. */
export interface RunOutput {
  readonly report: RunReport;
  readonly trace: Trace;
  /** Each consumer's interpreter by name, as the run left it. */
  readonly interpreters: Readonly<Record<string, Interpreter>>;
}

/** Simulates one run; the trace's arrays are empty when `input.trace` is false. */
export function runSimulation(input: SimulationInput): RunOutput {
  const sim = new Simulation(input);
  sim.run();
  const firstArrival = input.arrivals.length > 0 ? input.arrivals[0].at : 0;
  const report = runReport(input.run.name, sim.counters, sim.store, firstArrival, input.services?.hasher);
  return { report, trace: traceOf(sim, input), interpreters: sim.interpreters };
}

function traceOf(sim: Simulation, input: SimulationInput): Trace {
  const consumerQueueDepth: Record<string, readonly { t: number; value: number }[]> = {};
  const deadLetters: Record<string, readonly number[]> = {};
  const outputs: Record<string, unknown> = {};
  const tracing = input.trace;
  if (tracing) {
    for (const lane of sim.lanes) {
      setOwn(consumerQueueDepth, lane.config.name, lane.depth.samples);
      setOwn(deadLetters, lane.config.name, lane.deadLetters);
      if (lane !== sim.storeLane) setOwn(outputs, lane.config.name, lane.output());
    }
  }
  return {
    run: input.run.name,
    decisions: sim.decisions,
    log: sim.log,
    attempts: sim.attempts,
    history: sim.store.history,
    queueDepth: sim.queueDepth.samples,
    workers: sim.workerSamples.samples,
    consumerQueueDepth,
    deadLetters,
    outputs,
  };
}
