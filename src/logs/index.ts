/** Recorded event logs: read any log, inspect, replay and export. Works in Node and the browser (Node file streaming is in ./node). */
export * from './types';
export { inspectLog, formatDefaults, FRAMINGS, type InspectOptions, type Framing } from './inspectLog';
export { LogInspector, MAX_PROBLEMS, MAX_ANOMALIES, type InspectorOptions, type InspectedRecord, type InspectionCounts, type InspectionFound } from './logInspector';
export { LogFramer, detectFraming } from './framing/logFramer';
export { LineSplitter } from './framing/lineSplitter';
export { PROFILES, PROFILE_NAMES, detectProfile, readLogMap, type LogMap, type ProfileName } from './profiles';
export { LogReplay } from './logReplay';
export { DecisionDrift } from './decisionDrift';
export { canonicalJson } from '../engine/report/canonicalJson';
export { finalStateOf, stateHashOf, hashState, finalStateObject, pureSha256, type TextHasher, type HasherFactory } from '../engine/report/stateHash';
export { withLazyFinalState, streamCountOf } from './lazyFinalState';
export { VIRTUAL_EPOCH_MS, virtualToIso } from './timestamps';
export { parseTimeText, formatUtc, compareTimes } from './json/logTime';
