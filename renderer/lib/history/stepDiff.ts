/** The change one history step made to its aggregate, as readable operations (via jsondiffpatch). Pure. */
import { diff } from 'jsondiffpatch';
import { format } from 'jsondiffpatch/formatters/jsonpatch';

/** One change: what happened at which path, with the old and new values. */
export interface ChangeOp {
  readonly op: 'add' | 'remove' | 'replace' | 'move';
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

const at = (value: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined), value);

/** The operations turning `before` into `after` (an empty list when equal). */
export function stepDiff(before: unknown, after: unknown): ChangeOp[] {
  if (before === undefined) return after === undefined ? [] : [{ op: 'add', path: '/', after }];
  const delta = diff(before, after);
  if (!delta) return [];
  return format(delta).map((o) => {
    const op = o.op as ChangeOp['op'];
    if (op === 'add') return { op, path: o.path, after: 'value' in o ? o.value : undefined };
    if (op === 'remove') return { op, path: o.path, before: at(before, o.path) };
    if (op === 'replace') return { op, path: o.path, before: at(before, o.path), after: 'value' in o ? o.value : undefined };
    return { op: 'move', path: o.path };
  });
}
/** The top-level keys of two aggregates whose values differ (what the history highlights). */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = (typeof before === 'object' && before !== null ? before : {}) as Record<string, unknown>;
  const b = (typeof after === 'object' && after !== null ? after : {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}
