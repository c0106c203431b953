/** The `purestream/report@1` entry of one finished run, computed from its tallies and state store. */
import type { RunCounters } from '../sim/runCounters';
import type { StateStore } from '../sim/stateStore';
import type { Metrics, RunReport } from '../types';
import { setOwn } from '../record';
import { sortedKeys } from './canonicalJson';
import { percentiles, roundMs } from './percentiles';
import { stateHash, type HasherFactory } from './stateHash';

/** Metrics exactly as ../../../shared/spec/cli-and-reports.md defines them. */
export function metricsOf(counters: RunCounters, firstArrival: number): Metrics {
  return {
    commands: counters.commands,
    accepted: counters.accepted,
    rejected: counters.rejected,
    events: counters.events,
    deliveries: counters.deliveries,
    failures: counters.failures,
    retries: counters.retries,
    deadLettered: counters.deadLettered,
    lost: counters.lost,
    duplicates: counters.duplicates,
    makespanMs: counters.commands === 0 ? 0 : roundMs(counters.lastActivity - firstArrival),
    commandLatencyMs: percentiles(counters.commandLatency.toArray()),
    enactLatencyMs: percentiles(counters.enactLatency.toArray()),
    maxQueueDepth: counters.maxQueueDepth,
    maxWorkers: counters.maxWorkers,
    staleDecisions: counters.staleDecisions,
  };
}

/** A run's report: metrics, rejections by code (sorted), violations in order, final state and its hash. */
export function runReport(name: string, counters: RunCounters, store: StateStore, firstArrival: number, hasher?: HasherFactory): RunReport {
  const rejections: Record<string, number> = {};
  for (const code of [...counters.rejections.keys()].sort()) setOwn(rejections, code, counters.rejections.get(code)!);
  const finalState = sortedKeys(store.snapshot());
  return {
    name,
    metrics: metricsOf(counters, firstArrival),
    rejections,
    violations: store.violations,
    stateHash: stateHash(finalState, hasher),
    finalState,
  };
}
