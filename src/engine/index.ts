/** The engine's public surface: parse and expand scenarios, run them, dry-run one input, compare runs. */
export * from './api';
export type * from './types';
export { parseScenario } from './scenario/parse';
export { expandScenario } from './scenario/expand';
export { runScenario, runScenarioWithInterpreters, type RunResultWithInterpreters } from './run';
export { dryRun, type DryRunOptions } from './dryRun';
export { compareRuns, diffLeaves } from './report/compareRuns';
export { canonicalJson } from './report/canonicalJson';
export { stateHash } from './report/stateHash';
export { stateAt, aggregateBefore } from './report/stateAt';
export { StateCursor } from './report/stateCursor';
export { seededRandom, draw, type Random } from './random';
export { redriveDeadLetters, type RedriveResult } from './redrive';
export { logEntryAt } from './report/logEntryAt';
