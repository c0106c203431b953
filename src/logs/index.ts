/** Recorded event logs: read, inspect, replay and export. Works in Node and the browser (Node file streaming is in ./node). */
export * from './types';
export { inspectLog, type InspectOptions } from './inspectLog';
export { LogInspector, MAX_PROBLEMS, MAX_ANOMALIES, type InspectorOptions } from './logInspector';
export { LineSplitter } from './lineSplitter';
export { JsonArraySplitter } from './jsonArraySplitter';
export { RecordReader } from './recordReader';
export { readCloudEvent, matchType, cloudEventProblem, sourceOf, type TypeMap } from './cloudEventReader';
export { LogReplay } from './logReplay';
export { DecisionDrift } from './decisionDrift';
export { canonicalJson, fastCanonicalJson, finalStateOf, stateHashOf, hashState, finalStateObject, pureSha256, type TextHasher, type HasherFactory } from './stateHash';
export { IdSet } from './idSet';
export { withLazyFinalState, streamCountOf } from './lazyFinalState';
export { VIRTUAL_EPOCH_MS, virtualToIso, parseTime } from './timestamps';
