/**
 * A fast yes/no check compiled from a kernel schema, for the hot path of a million records.
 * It agrees with the kernel's `validate` (which is called only to explain a failure).
 */
import type { FieldSchema } from '../../domain/kernel';

/** True when the value satisfies the schema. */
export type Check = (value: unknown) => boolean;

/** Compiles a schema into a check that allocates nothing. */
export function compileSchema(schema: FieldSchema): Check {
  switch (schema.kind) {
    case 'string':
      return schema.nonEmpty ? (v) => typeof v === 'string' && v.length > 0 : (v) => typeof v === 'string';
    case 'integer': {
      const min = schema.min ?? -Infinity;
      return (v) => typeof v === 'number' && Number.isInteger(v) && v >= min;
    }
    case 'number': {
      const min = schema.min ?? -Infinity;
      return (v) => typeof v === 'number' && Number.isFinite(v) && v >= min;
    }
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'object': {
      const names = Object.keys(schema.fields);
      const checks = names.map((n) => compileSchema(schema.fields[n]));
      const optional = names.map((n) => schema.fields[n].optional === true);
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
        const o = v as Record<string, unknown>;
        let present = 0;
        for (let i = 0; i < names.length; i++) {
          const x = o[names[i]];
          if (x === undefined) {
            if (!optional[i]) return false;
            continue;
          }
          if (!checks[i](x)) return false;
          present++;
        }
        // every present field was counted, so one more key than that is a key the schema does not know
        let keys = 0;
        for (const _key in o) keys++;
        return keys === present;
      };
    }
  }
}
