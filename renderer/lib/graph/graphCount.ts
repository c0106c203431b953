/**
 * What the causation graph says it draws, in one line beside its controls: the records' nodes,
 * the causes drawn beside them (not in the log, or outside this view), how they are grouped, and
 * whether the fitted view shows them all. Pure.
 */
import type { GraphNode } from './causationGraph';
import { GROUP_THRESHOLD } from './groupGraph';

/** The nodes of the records drawn, and the causes drawn beside them: not in the log at all, or outside this window. */
export interface GraphCounts {
  readonly records: number;
  readonly missing: number;
  readonly outside: number;
}

/** Counts `nodes` (a causation graph's, ungrouped): the causes drawn beside the records are the `outside` ones. */
export function graphCounts(nodes: readonly Pick<GraphNode, 'outside' | 'missing'>[]): GraphCounts {
  const causes = nodes.filter((n) => n.outside);
  const missing = causes.filter((n) => n.missing).length;
  return { records: nodes.length - causes.length, missing, outside: causes.length - missing };
}

/** How the drawn graph shows them: `groups` nodes when grouped, else `collapsed` repeats folded into groups; `whole`: the fitted view shows it all. */
export interface GraphShowing {
  readonly repeated: number;
  readonly grouped: boolean;
  readonly groups: number;
  readonly collapsed: number;
  readonly whole: boolean;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const causes = (n: number): string => `${fmt(n)} ${n === 1 ? 'cause' : 'causes'}`;

/** The line: "120 nodes · 2 causes not in this log in 9 groups (over 150); open a group (click it, or Enter), then “Show”". */
export function graphCountText(counts: GraphCounts, showing: GraphShowing): string {
  const { repeated, grouped, groups, collapsed, whole } = showing;
  return [
    `${fmt(counts.records)} nodes`,
    repeated ? ` (${fmt(repeated)} repeated ${repeated === 1 ? 'id' : 'ids'} drawn once)` : '',
    counts.missing > 0 ? ` · ${causes(counts.missing)} not in this log` : '',
    counts.outside > 0 ? ` · ${causes(counts.outside)} outside this view` : '',
    grouped ? ` in ${groups} groups (over ${GROUP_THRESHOLD}); open a group (click it, or Enter), then “Show”` : collapsed > 0 ? `; ${fmt(collapsed)} in groups of repeats (open one, then “Show”)` : '',
    whole ? '' : ' · shown at a readable size: drag or use the arrow keys to see the rest, or zoom out',
  ].join('');
}
