/**
 * What `compare-real` sets side by side (sources.md, "Sinks"), made where the consumer's rules
 * run: in the command line's thread for a bundled domain, in a domain module's worker for a module
 * (../modules/moduleWorker), since the real run's state is rebuilt by enacting its events again.
 * Plain data, so it crosses threads: the comparison, or why the real run does not fit the run.
 */
import type { AnyDomainModule } from '../../domain/kernel';
import { isModuleFault } from '../engine/module/moduleProblem';
import type { Scenario } from '../engine/types';
import type { RealComparison } from '../sources/sinks/compareReal';
import { compareRealRun } from '../sources/sinks/compareRealRun';
import { parseRealRun } from '../sources/sinks/realRun';
import { loadSqlJs, simulateScenarioRun } from './simulatedRun';

/** The comparison, or the bad input's message (naming the real run's file). */
export type CompareRealOutcome = { readonly ok: true; readonly comparison: RealComparison } | { readonly ok: false; readonly message: string };

/** Which simulated run, and which of its consumers (absent: the real run's own), a real run is set beside. */
export interface RealRunTarget {
  readonly run: string;
  /** `compare-real --consumer`: the run's consumer a real run enacted with `enact --domain` under a name of its own stands for. */
  readonly consumer?: string;
}

/**
 * Simulates `target.run` of `scenario` with `decider` and sets the real run (`realText`, the
 * `purestream/real-run@1` text of the file messages call `realFile`) beside it, or beside
 * `target.consumer` of it. A module's fault is thrown.
 */
export async function compareRealOutcome(realText: string, realFile: string, scenario: Scenario, target: RealRunTarget, decider?: AnyDomainModule): Promise<CompareRealOutcome> {
  try {
    const real = parseRealRun(realText, realFile);
    const sim = await simulateScenarioRun(scenario, target.run, decider);
    const services = real.header.consumer.interpreter === 'sql' ? { sqlJs: await loadSqlJs() } : {};
    const trace = sim.result.traces[0];
    return { ok: true, comparison: compareRealRun(real, realFile, { scenario, run: sim.run, trace, finalState: sim.result.report.runs[0].finalState, decider: sim.decider, services, ...(target.consumer !== undefined ? { consumer: target.consumer } : {}) }) };
  } catch (e) {
    if (isModuleFault(e)) throw e;
    return { ok: false, message: (e as Error).message };
  }
}
