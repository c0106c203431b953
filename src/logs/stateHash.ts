/** The state hash of reports, as the logs code names it: one implementation, in ../engine/report/stateHash.ts. */
export { canonicalJson, canonicalJson as fastCanonicalJson } from '../engine/report/canonicalJson';
export { finalStateObject, finalStateOf, hashState, pureSha256, stateHashOf, type HasherFactory, type StateReader, type TextHasher } from '../engine/report/stateHash';
