/**
 * Where a selected graph node's details lead, as the Logs view's record details do: the node its
 * causation fact names (its cause, drawn in the graph — a cause outside the view included) and
 * the first node shown of the flow its correlation fact names. Facts are the source's details
 * (a run's consumer shows its event's causation and correlation), so the cause is looked for up
 * the node's causes: the first whose id is the named id, or a run's id of it (`cmd:c1` for
 * `c1`). The flow's first node is the earliest record of the window with that correlation id,
 * followed up its causes while they are records of the same flow or of none (a run's commands
 * carry no correlation id: the command that started the flow is its first node). Pure.
 */
import type { CausalRecord } from '../reader/graphSource';
import type { GraphNode } from './causationGraph';

/** The nodes a node's details can select: undefined where the graph draws none (or only the node itself). */
export interface NodeLinks {
  readonly cause?: GraphNode;
  readonly flowStart?: GraphNode;
}

/** What the details say a node's cause and flow are (the values of its causation and correlation facts). */
export interface NamedLinks {
  readonly causation?: string;
  readonly correlation?: string;
}

/** How far up a node's causes the named cause is looked for (a consumer's details name its event's cause: two up). */
const UP = 3;

/** The links of node `id` among the window's `records`, found among the graph's `nodes` (the full graph, ungrouped, causes outside the view included). */
export function nodeLinks(records: readonly CausalRecord[], nodes: readonly GraphNode[], id: string, named: NamedLinks): NodeLinks {
  const byId = new Map(records.map((r) => [r.id, r]));
  const node = (nid: string | undefined) => (nid === undefined || nid === id ? undefined : nodes.find((n) => n.id === nid));
  const cause = named.causation === undefined ? undefined : node(causeNamed(byId, id, named.causation));
  const flowStart = named.correlation === undefined ? undefined : node(firstOfFlow(records, byId, named.correlation));
  return { ...(cause ? { cause } : {}), ...(flowStart ? { flowStart } : {}) };
}

/** The id, among the causes of record `id` (up to UP), that names `name`. */
function causeNamed(byId: ReadonlyMap<string, CausalRecord>, id: string, name: string): string | undefined {
  let at = byId.get(id)?.causationId;
  for (let i = 0; at !== undefined && i < UP; i++) {
    if (at === name || at.endsWith(`:${name}`)) return at;
    at = byId.get(at)?.causationId;
  }
  return undefined;
}

/** The id of the first record of flow `correlation` in `records` (see the file's comment). */
function firstOfFlow(records: readonly CausalRecord[], byId: ReadonlyMap<string, CausalRecord>, correlation: string): string | undefined {
  let first: CausalRecord | undefined;
  for (const r of records) if (r.correlationId === correlation && (!first || r.time < first.time)) first = r;
  if (!first) return undefined;
  const seen = new Set<string>([first.id]);
  for (let up = first.causationId === undefined ? undefined : byId.get(first.causationId); up && !seen.has(up.id) && (up.correlationId === undefined || up.correlationId === correlation); up = up.causationId === undefined ? undefined : byId.get(up.causationId)) {
    seen.add(up.id);
    first = up;
  }
  return first.id;
}
