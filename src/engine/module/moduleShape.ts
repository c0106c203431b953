/**
 * Checks that a module's default export is a domain (domain-modules.md) before anything runs:
 * the shape (Purestream's, or Emmett-style when `initialState` is a function; one that is there
 * but not a function is refused as an Emmett-style decider's mistake), every required
 * function, every optional member's type, and every payload schema being JSON Schema of the
 * subset (domain/kernel/schema.ts). Each problem names the member (`commandSchemas.Deposit.
 * properties.amount.type`) and says what is wrong; a misspelled member (`initalState`) is named
 * with the one meant, and a module without a default export with the export it most likely meant. Pure.
 */
import { SCHEMA_KEYWORDS, type JsonType } from '../../../domain/kernel';
import { at, closest, describe, isObject, item } from '../scenario/check';

/** Which of the two shapes a default export has. */
export type DomainShape = 'purestream' | 'emmett';

const JSON_TYPES: readonly JsonType[] = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

/** The shape of a default export: Emmett-style when `initialState` is a function. */
export const shapeOf = (exported: Record<string, unknown>): DomainShape => (typeof exported.initialState === 'function' ? 'emmett' : 'purestream');

/**
 * The shape a default export was meant to have, for its problems: Emmett-style when `initialState`
 * is a function ({@link shapeOf}), and also when it is there but is not one and nothing else says
 * Purestream (no `partitionKey`, which an Emmett-style decider leaves out) — an object where the
 * function belongs, refused with that said rather than read as the other shape.
 */
const meantShape = (exported: Record<string, unknown>): DomainShape =>
  exported.initialState !== undefined && exported.partitionKey === undefined ? 'emmett' : shapeOf(exported);

/** The members a domain may have (both shapes). */
const MEMBERS = ['decide', 'evolve', 'streamOf', 'initialState', 'partitionKey', 'id', 'title', 'summary', 'commandSchemas', 'eventSchemas', 'invariants', 'authorization', 'capacity', 'sql'];
/** Members whose names are long enough that a near name (`initalState`, `invariant`) is a typo of one, not a member of the module's own. */
const TYPO_PRONE = MEMBERS.filter((m) => m.length >= 6);

/**
 * Members misspelled: a name the domain does not read that is within two edits of a member the
 * export lacks (`initalState`, `eventSchema`, `streamof`) — otherwise silently ignored, and a
 * decider read as the other shape. A near name of a member it has (`decider` beside `decide`) is
 * the module's own.
 */
function misspelled(exported: Record<string, unknown>): string[] {
  const absent = TYPO_PRONE.filter((m) => exported[m] === undefined);
  const problems: string[] = [];
  for (const key of Object.keys(exported)) {
    if (MEMBERS.includes(key)) continue;
    const meant = closest(key, absent);
    if (meant) problems.push(`${at('', key)}: not a member of a domain; did you mean ${meant}?`);
  }
  return problems;
}

/** Every problem of a default export, as `member: what is wrong`; empty when it is a domain. */
export function shapeProblems(exported: unknown): string[] {
  if (!isObject(exported))
    return [
      `default export: expected a domain — an object with decide, evolve and streamOf (or an Emmett-style decider with decide, evolve, initialState and streamOf) — got ${typeof exported === 'function' ? 'a function' : describe(exported)}`,
    ];
  const problems: string[] = misspelled(exported);
  const shape = meantShape(exported);
  const fn = (name: string, required: boolean, what: string) => {
    const v = exported[name];
    if (v === undefined) {
      if (required) problems.push(`${name}: is missing (${what})`);
    } else if (typeof v !== 'function') problems.push(`${name}: expected a function (${what}), got ${describe(v)}`);
  };
  if (shape === 'emmett') {
    const initial = exported.initialState;
    if (typeof initial !== 'function') problems.push(`initialState: must be a function returning the initial state (Emmett's decider shape); it is ${describe(initial)}`);
    fn('decide', true, 'decide(command, state) returns an event or several, and throws to reject');
    fn('evolve', true, "evolve(state, event) returns the stream's next state");
    fn('streamOf', true, 'an Emmett-style decider names the stream a command addresses: streamOf(command)');
    if (exported.partitionKey !== undefined) problems.push('partitionKey: an Emmett-style decider is keyed by the stream streamOf(command) names; leave partitionKey out');
  } else {
    fn('decide', true, 'decide(command, state) returns { type: "accepted", events } or { type: "rejected", rejection }');
    fn('evolve', true, "evolve(aggregate, event) returns the stream's next aggregate");
    fn('streamOf', true, 'streamOf(event) names the stream an event belongs to');
    fn('partitionKey', false, 'partitionKey(command, state) returns a key or several');
  }
  for (const name of ['id', 'title', 'summary'] as const) {
    const v = exported[name];
    if (v !== undefined && (typeof v !== 'string' || (name === 'id' && v.length === 0))) problems.push(`${name}: expected a ${name === 'id' ? 'non-empty ' : ''}string, got ${describe(v)}`);
  }
  for (const name of ['commandSchemas', 'eventSchemas'] as const) schemasProblems(exported[name], name, problems);
  invariantsProblems(exported.invariants, problems);
  functionsOf(exported.authorization, 'authorization', problems);
  if (exported.capacity !== undefined) {
    if (!isObject(exported.capacity)) problems.push(`capacity: expected { capacityOf(key, state), demandOf(command) }, got ${describe(exported.capacity)}`);
    else for (const f of ['capacityOf', 'demandOf']) if (typeof exported.capacity[f] !== 'function') problems.push(`capacity.${f}: expected a function, got ${describe(exported.capacity[f])}`);
  }
  sqlProblems(exported.sql, problems);
  return problems;
}

/**
 * What is wrong when a module has no default export (`exports`: what it has), with what it
 * most likely meant: one of its named exports is the domain (`export const cart = {…}` →
 * `export default cart`), or its functions are exported one by one (`export function decide`),
 * or assigned to `module.exports` (`commonJs`: the exports are CommonJS's, not an ES module's).
 */
export function missingDefaultProblem(exports: Record<string, unknown>, commonJs = false): string {
  const names = Object.keys(exports).filter((k) => k !== '__esModule');
  const domains = names.filter((k) => isObject(exports[k]) && typeof (exports[k] as Record<string, unknown>).decide === 'function');
  const quoted = (list: readonly string[]) => list.map((k) => `\`${k}\``).join(', ');
  if (domains.length === 1) return `default export: is missing; the module exports \`${domains[0]}\` — export it as default (export default ${domains[0]})`;
  if (domains.length > 1) return `default export: is missing; the module exports ${quoted(domains)} — export the domain as default (export default ${domains[0]})`;
  const members = MEMBERS.filter((m) => names.includes(m));
  if (members.includes('decide')) {
    const gathered = `export default { ${members.slice(0, 4).join(', ')}${members.length > 4 ? ', …' : ''} }`;
    return commonJs
      ? `default export: is missing; the module assigns module.exports (CommonJS) — a domain module is an ES module: ${gathered}`
      : `default export: is missing; the module exports ${quoted(members)} one by one — gather them as its default export: ${gathered}`;
  }
  return 'default export: is missing (export default { decide, evolve, streamOf, … })';
}

function schemasProblems(value: unknown, path: string, problems: string[]): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    problems.push(`${path}: expected an object of JSON Schemas by type name, got ${describe(value)}`);
    return;
  }
  for (const [type, schema] of Object.entries(value)) {
    const p = at(path, type);
    if (isObject(schema) && schema.type !== 'object') problems.push(`${p}.type: a payload is an object: expected "object", got ${describe(schema.type)}`);
    schemaProblems(schema, p, problems);
  }
}

/** Why `schema` is not JSON Schema of the subset, one entry per problem (`path: what`). */
export function schemaProblems(schema: unknown, path: string, problems: string[] = []): string[] {
  if (!isObject(schema)) {
    problems.push(`${path}: expected a JSON Schema (an object), got ${describe(schema)}`);
    return problems;
  }
  for (const [key, v] of Object.entries(schema)) {
    const p = at(path, key);
    switch (key) {
      case 'type': {
        const types = Array.isArray(v) ? v : [v];
        for (const t of types) if (!JSON_TYPES.includes(t as JsonType)) problems.push(`${p}: ${describe(t)} is not a JSON Schema type; expected one of ${JSON_TYPES.join(', ')}`);
        break;
      }
      case 'properties':
        if (!isObject(v)) problems.push(`${p}: expected an object of property schemas, got ${describe(v)}`);
        else for (const [name, s] of Object.entries(v)) schemaProblems(s, at(p, name), problems);
        break;
      case 'required':
        if (!Array.isArray(v) || v.some((n) => typeof n !== 'string')) problems.push(`${p}: expected an array of property names, got ${describe(v)}`);
        break;
      case 'additionalProperties':
        if (typeof v !== 'boolean') schemaProblems(v, p, problems);
        break;
      case 'items':
        schemaProblems(v, p, problems);
        break;
      case 'enum':
        if (!Array.isArray(v) || v.length === 0) problems.push(`${p}: expected a non-empty array of values, got ${describe(v)}`);
        else v.forEach((x, i) => x !== null && typeof x === 'object' && problems.push(`${item(p, i)}: expected a string, number, boolean or null, got ${describe(x)}`));
        break;
      case 'minimum':
      case 'maximum':
        if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`${p}: expected a number, got ${describe(v)}`);
        break;
      case 'minLength':
      case 'maxLength':
        if (!Number.isSafeInteger(v) || (v as number) < 0) problems.push(`${p}: expected an integer >= 0, got ${describe(v)}`);
        break;
      case 'title':
      case 'description':
      case '$schema':
        if (typeof v !== 'string') problems.push(`${p}: expected a string, got ${describe(v)}`);
        break;
      case 'default':
        break;
      default:
        problems.push(`${p}: not a keyword of the schema subset; expected one of ${SCHEMA_KEYWORDS.join(', ')}`);
    }
  }
  return problems;
}

function invariantsProblems(value: unknown, problems: string[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.push(`invariants: expected an array of { name, description, violation(stream, aggregate) }, got ${describe(value)}`);
    return;
  }
  value.forEach((inv, i) => {
    const p = item('invariants', i);
    if (!isObject(inv)) problems.push(`${p}: expected { name, description, violation(stream, aggregate) }, got ${describe(inv)}`);
    else {
      if (typeof inv.name !== 'string' || inv.name.length === 0) problems.push(`${p}.name: expected a non-empty string, got ${describe(inv.name)}`);
      if (inv.description !== undefined && typeof inv.description !== 'string') problems.push(`${p}.description: expected a string, got ${describe(inv.description)}`);
      if (typeof inv.violation !== 'function') problems.push(`${p}.violation: expected a function (violation(stream, aggregate) returns a message or undefined), got ${describe(inv.violation)}`);
    }
  });
}

function functionsOf(value: unknown, path: string, problems: string[]): void {
  if (value === undefined) return;
  if (!isObject(value)) problems.push(`${path}: expected an object of rules by command type, got ${describe(value)}`);
  else for (const [k, f] of Object.entries(value)) if (typeof f !== 'function') problems.push(`${at(path, k)}: expected a function, got ${describe(f)}`);
}

function sqlProblems(value: unknown, problems: string[]): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    problems.push(`sql: expected { tables, statementsFor(event) }, got ${describe(value)}`);
    return;
  }
  if (!Array.isArray(value.tables)) problems.push(`sql.tables: expected an array of { name, create }, got ${describe(value.tables)}`);
  else
    value.tables.forEach((t, i) => {
      if (!isObject(t) || typeof t.name !== 'string' || typeof t.create !== 'string') problems.push(`${item('sql.tables', i)}: expected { name, create } (strings), got ${describe(t)}`);
    });
  if (typeof value.statementsFor !== 'function') problems.push(`sql.statementsFor: expected a function, got ${describe(value.statementsFor)}`);
}
