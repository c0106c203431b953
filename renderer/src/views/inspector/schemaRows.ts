/** An inferred payload schema as rows for a table: one per field, nested fields indented. Pure. */
import type { InferredSchema } from '../../../../src/logs/types';

/** Schemas by event type, as an inspection reports them. */
export type InspectedSchemaMap = Readonly<Record<string, InferredSchema>>;

/** One field of a schema. */
export interface SchemaRow {
  readonly path: string;
  readonly name: string;
  readonly depth: number;
  readonly types: string;
  readonly required: boolean;
  readonly enum?: string;
}

/** The fields of `schema`, depth first (the payload itself first when it is not an object). */
export function schemaRows(schema: InferredSchema): SchemaRow[] {
  const rows: SchemaRow[] = [];
  const typesOf = (s: InferredSchema) => (Array.isArray(s.type) ? s.type.join(' | ') : String(s.type ?? ''));
  if (!schema.properties) rows.push({ path: '', name: '(payload)', depth: 0, types: typesOf(schema), required: true, ...(schema.enum ? { enum: schema.enum.join(', ') } : {}) });
  const stack: { s: InferredSchema; path: string; depth: number }[] = [{ s: schema, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { s, path, depth } = stack.pop()!;
    const entries = Object.entries(s.properties ?? {});
    for (let i = entries.length - 1; i >= 0; i--) {
      const [name, child] = entries[i];
      stack.push({ s: child, path: `${path}/${name}`, depth: depth + 1 });
    }
    if (path !== '') {
      const name = path.slice(path.lastIndexOf('/') + 1);
      const parentRequired = true;
      rows.push({ path, name, depth: depth - 1, types: typesOf(s) + (s.items ? ` of ${typesOf(s.items)}` : ''), required: parentRequired && requiredIn(schema, path), ...(s.enum ? { enum: s.enum.join(', ') } : {}) });
    }
  }
  return rows;
}

/** Whether the field at `path` is required by its parent. */
function requiredIn(root: InferredSchema, path: string): boolean {
  const parts = path.split('/').slice(1);
  let s: InferredSchema | undefined = root;
  for (let i = 0; i < parts.length - 1; i++) s = s?.properties?.[parts[i]];
  return s?.required?.includes(parts[parts.length - 1]) ?? false;
}
