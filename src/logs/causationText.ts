/**
 * A log's causation facts in words, for the command line's `inspect` and the Logs view alike:
 * "0 root events (every event has a cause)" rather than a bare "0 roots", which reads as wrong
 * when every event was caused by a command. The counts are logs.md's ("Facts every inspection
 * reports"): roots are events with no causation id, orphans are causation ids that name no
 * record of the log, the longest chain counts links. Pure.
 */
import { counted } from '../engine/report/counted';
import type { CausationFacts } from './types';

/**
 * The facts of a log of `events` events, each part a phrase: `0 root events (every event has a
 * cause)`, `2 orphans (causes not in the log)`, `longest chain 1 link`, `107 correlations`.
 */
export function causationParts(c: CausationFacts, events: number): string[] {
  const roots = `${counted(c.roots, 'root event')}${c.roots > 0 ? ' (with no cause)' : events > 0 ? ' (every event has a cause)' : ''}`;
  const orphans = `${counted(c.orphans, 'orphan')}${c.orphans > 0 ? ' (causes not in the log)' : ''}`;
  return [roots, orphans, `longest chain ${counted(c.maxDepth, 'link')}`, counted(c.correlations, 'correlation')];
}

/** What each count is (logs.md), a sentence a line: the Logs view's tooltip. */
export const CAUSATION_DEFINITIONS = [
  'Root events: events with no causation id.',
  'Orphans: causation ids that name no record in the log.',
  'Longest chain: the most links from a first cause to its last effect (a command and the event it caused: 1).',
  'Correlations: distinct correlation ids.',
].join('\n');
