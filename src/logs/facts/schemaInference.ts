/**
 * Infers a payload's shape from every record of a type (logs.md, "Facts"): a JSON Schema with
 * the types seen for each field, `required` for fields present in every record, and `enum`
 * for a string field with at most 10 distinct values. Nesting is followed to a fixed depth,
 * iteratively, so a record nested thousands of levels deep costs no stack. Pure.
 */
import type { InferredSchema } from '../types';

/** Enum values kept per field; one more and the field is a plain string. */
const MAX_ENUM = 10;
/** Levels of nesting described; deeper values count by type only. */
const MAX_DEPTH = 8;

/** What was seen at one place of the payload. */
interface Shape {
  /** Values seen here (objects among them in `objects`). */
  count: number;
  readonly types: Set<string>;
  objects: number;
  properties: Map<string, Shape> | undefined;
  items: Shape | undefined;
  /** Distinct string values, until more than MAX_ENUM (then undefined). */
  strings: Set<string> | undefined;
  /** The type of the last value (skips the Set when it repeats). */
  last: string;
  /** The keys of the last object seen here, in order, with their shapes. */
  readonly order: { key: string; shape: Shape }[];
}

const newShape = (): Shape => ({ count: 0, types: new Set(), objects: 0, properties: undefined, items: undefined, strings: new Set(), last: '', order: [] });

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v);

/** The inferred shape of one type's payloads: `add` each, then `schema()`. */
export class SchemaInference {
  private readonly root = newShape();

  /** Adds one payload. */
  add(value: unknown): void {
    addTo(this.root, value, 0);
  }

  /** The schema of everything added. */
  schema(): InferredSchema {
    return describe(this.root);
  }
}

/** Records one value at a shape (recursion is bounded by MAX_DEPTH, whatever the value's nesting). */
function addTo(shape: Shape, v: unknown, depth: number): void {
  shape.count++;
  const t = typeOf(v);
  if (shape.last !== t) {
    shape.types.add(t);
    shape.last = t;
  }
  if (t === 'string') {
    const strings = shape.strings;
    if (strings && !strings.has(v as string)) {
      strings.add(v as string);
      if (strings.size > MAX_ENUM) shape.strings = undefined;
    }
    return;
  }
  if (depth >= MAX_DEPTH) return;
  if (t === 'object') {
    shape.objects++;
    const props = (shape.properties ??= new Map());
    // consecutive payloads usually share their key order: follow the previous one's children
    const o = v as Record<string, unknown>;
    let k = 0;
    const seen = shape.order;
    for (const key in o) {
      let child = k < seen.length && seen[k].key === key ? seen[k].shape : undefined;
      if (!child) {
        child = props.get(key);
        if (!child) props.set(key, (child = newShape()));
        if (k < seen.length) seen[k] = { key, shape: child };
        else seen.push({ key, shape: child });
      }
      k++;
      addTo(child, o[key], depth + 1);
    }
    return;
  }
  if (t === 'array') {
    const items = (shape.items ??= newShape());
    for (const item of v as unknown[]) addTo(items, item, depth + 1);
  }
}

/** A shape as a schema (iterative over properties via an explicit stack of pending parents). */
function describe(root: Shape): InferredSchema {
  const out = new Map<Shape, Record<string, unknown>>();
  const order: Shape[] = [];
  const pending: Shape[] = [root];
  while (pending.length > 0) {
    const shape = pending.pop()!;
    order.push(shape);
    if (shape.properties) for (const child of shape.properties.values()) pending.push(child);
    if (shape.items) pending.push(shape.items);
  }
  // children first, so each parent finds its children's schemas built
  for (let i = order.length - 1; i >= 0; i--) {
    const shape = order[i];
    const types = [...shape.types].sort();
    // an integer field that also held fractions is a number
    const merged = types.includes('number') ? types.filter((t) => t !== 'integer') : types;
    const s: Record<string, unknown> = { type: merged.length === 1 ? merged[0] : merged };
    if (shape.properties && shape.properties.size > 0) {
      const properties: Record<string, unknown> = {};
      const required: string[] = [];
      for (const [key, child] of shape.properties) {
        Object.defineProperty(properties, key, { value: out.get(child), enumerable: true, writable: true, configurable: true });
        if (child.count === shape.objects) required.push(key);
      }
      s.properties = properties;
      if (required.length > 0) s.required = required;
    }
    if (shape.items && shape.items.count > 0) s.items = out.get(shape.items);
    if (shape.strings && shape.strings.size > 0 && merged.length === 1 && merged[0] === 'string') s.enum = [...shape.strings].sort();
    out.set(shape, s);
  }
  return out.get(root) as InferredSchema;
}
