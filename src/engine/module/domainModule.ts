/**
 * `domainModule`: the one place where what a domain's author wrote — a Purestream-shaped
 * {@link Decider} or an Emmett-style decider (domain-modules.md) — becomes the complete
 * {@link DomainModule} the engine, logs and UI use: defaults (id from the file name, title,
 * schemas accepting any object, no invariants, no authorization rules), compiled payload
 * schemas, the partition-key fallback, the Emmett adapter, and — for modules not bundled
 * with the app — a guard around every function (./callGuard). A wrong shape throws one
 * {@link DomainShapeError} listing every problem by member. Pure.
 */
import type { AnyDomainModule, JsonSchema, PayloadCheck } from '../../../domain/kernel';
import { describe, isObject } from '../scenario/check';
import type { CallGuard, Member, SubjectKind, WrongResult } from './callGuard';
import { adaptEmmett, isRejection, type EmmettFunctions } from './emmett';
import { ANY_OBJECT, compilePayloadSchema } from './payloadSchema';
import { shapeOf, shapeProblems } from './moduleShape';

/** Where a module comes from and how it is run. */
export interface ModuleOrigin {
  /** How messages name the module (its file path as given); default: its id. */
  readonly name?: string;
  /** The id when the module gives none (its file name without the extension). */
  readonly defaultId?: string;
  /** Guards every function of the module (modules not bundled with the app). */
  readonly guard?: CallGuard;
  /** Makes the Date an Emmett-style `decide` reads as `metadata.now`, in the module's realm. */
  readonly dateOf?: (ms: number) => Date;
}

/** A default export that is not a domain: every problem, by member. */
export class DomainShapeError extends Error {
  constructor(
    readonly module: string,
    readonly problems: readonly string[],
  ) {
    super(problems.map((p) => `${module}: ${p}`).join('\n'));
    this.name = 'DomainShapeError';
  }
}

type Raw = Record<string, unknown> & { [name: string]: unknown };
type AnyFn = (...args: never[]) => unknown;

/** Builds the DomainModule of a default export; throws DomainShapeError when it is not a domain. */
export function domainModule(exported: unknown, origin: ModuleOrigin = {}): AnyDomainModule {
  const problems = shapeProblems(exported);
  const name = origin.name ?? (isObject(exported) && typeof exported.id === 'string' ? exported.id : origin.defaultId ?? 'domain');
  if (problems.length > 0) throw new DomainShapeError(name, problems);
  const raw = exported as Raw;
  const shape = shapeOf(raw);
  const members = new Members(raw, origin.guard);
  const commandSchemas = copyOf(raw.commandSchemas) as Readonly<Record<string, JsonSchema>>;
  const eventSchemas = copyOf(raw.eventSchemas) as Readonly<Record<string, JsonSchema>>;
  const commandChecks = compiled(commandSchemas);
  const eventChecks = compiled(eventSchemas);
  const declaresEvents = raw.eventSchemas !== undefined;
  const id = typeof raw.id === 'string' ? raw.id : origin.defaultId ?? 'domain';
  const dateOf = origin.dateOf ?? ((ms: number) => new Date(ms));
  const rules =
    shape === 'emmett'
      ? adaptEmmett(members.emmett(declaresEvents ? eventChecks : undefined), dateOf)
      : {
          decide: members.fn('decide', 'command', decisionProblem(declaresEvents ? eventChecks : undefined)),
          evolve: members.fn('evolve', 'event', aggregateProblem),
          streamOf: members.fn('streamOf', 'event', streamProblem),
          partitionKey: raw.partitionKey === undefined ? () => '' : members.fn('partitionKey', 'command', keyProblem),
        };
  return {
    id,
    title: typeof raw.title === 'string' ? raw.title : id,
    summary: typeof raw.summary === 'string' ? raw.summary : '',
    shape,
    commandSchemas,
    eventSchemas,
    declaresCommands: raw.commandSchemas !== undefined,
    declaresEvents,
    commandCheck: (type) => checkOf(commandChecks, raw.commandSchemas !== undefined, type),
    eventCheck: (type) => checkOf(eventChecks, declaresEvents, type),
    keyed: shape === 'emmett' || raw.partitionKey !== undefined,
    ...(rules as Pick<AnyDomainModule, 'decide' | 'evolve' | 'streamOf' | 'partitionKey'>),
    invariants: members.invariants(),
    authorization: members.authorization() as AnyDomainModule['authorization'],
    ...(isObject(raw.capacity) ? { capacity: members.capacity(raw.capacity) } : {}),
    ...(isObject(raw.sql) ? { sql: { tables: copyOf(raw.sql.tables) as never, statementsFor: members.fn('sql.statementsFor', 'event', statementsProblem, raw.sql) } } : {}),
  };
}

/** A plain copy of a module's data (schemas and tables are JSON; the module's own objects stay its own). */
const copyOf = <T>(value: T): T => (value === undefined ? ({} as T) : (JSON.parse(JSON.stringify(value)) as T));

function compiled(schemas: Readonly<Record<string, JsonSchema>>): Map<string, PayloadCheck> {
  return new Map(Object.entries(schemas).map(([type, schema]) => [type, compilePayloadSchema(schema)]));
}

const checkOf = (checks: Map<string, PayloadCheck>, declared: boolean, type: string): PayloadCheck | undefined => (declared ? checks.get(type) : ANY_OBJECT);

/** The module's functions, each guarded (or bound, for a bundled domain). */
class Members {
  private code = 0;
  constructor(
    private readonly raw: Raw,
    private readonly guard: CallGuard | undefined,
  ) {}

  fn<F extends AnyFn>(name: string, subject: SubjectKind, returns: Member['returns'], self: object = this.raw, member = name.split('.').pop()!, mayThrow?: Member['mayThrow']): F {
    const f = (self as Record<string, unknown>)[member] as F;
    if (!this.guard) return f.bind(self) as F;
    // evolve(aggregate, event) is about its second argument
    const argument = name === 'evolve' ? 1 : 0;
    // the states a run keeps are frozen, so a function that changes the one it was given stops the run
    const freezes = name === 'evolve' || name === 'initialState';
    return this.guard.wrap({ name, code: ++this.code, subject, argument, returns, freezes, ...(mayThrow ? { mayThrow } : {}) }, f as never, self) as F;
  }

  emmett(eventChecks: Map<string, PayloadCheck> | undefined): EmmettFunctions {
    return {
      decide: this.fn('decide', 'emmett-command', emmettEventsProblem(eventChecks), this.raw, 'decide', isRejection),
      evolve: this.fn('evolve', 'event', aggregateProblem),
      initialState: this.fn('initialState', 'none', aggregateProblem),
      streamOf: this.fn('streamOf', 'emmett-command', streamProblem),
    };
  }

  invariants(): AnyDomainModule['invariants'] {
    const list = (this.raw.invariants ?? []) as { name: string; description?: string; violation: AnyFn }[];
    return list.map((inv) => ({ name: inv.name, description: inv.description ?? '', violation: this.fn(`invariant "${inv.name}"`, 'stream', messageProblem, inv, 'violation') }));
  }

  authorization(): Record<string, AnyFn> {
    const rules = (this.raw.authorization ?? {}) as Record<string, AnyFn>;
    return Object.fromEntries(Object.keys(rules).map((type) => [type, this.fn(`authorization.${type}`, 'command', messageProblem, rules, type)]));
  }

  capacity(hook: Record<string, unknown>): AnyDomainModule['capacity'] {
    return { capacityOf: this.fn('capacity.capacityOf', 'key', numberProblem, hook), demandOf: this.fn('capacity.demandOf', 'command', numberProblem, hook) };
  }
}

// ------------------------------------------------------------------ what each function must return

/** `a` or `an` before a word (a type name). */
const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');

const shown = (v: unknown): string => (typeof v === 'function' ? 'a function' : v === undefined ? 'undefined' : describe(v));

/** " (event 2)" for the event at `index` among those returned; '' for a lone event. */
const positionText = (index: number | undefined): string => (index === undefined ? '' : ` (event ${index + 1})`);
/** "a MoneyWithdrawn event (event 2)". */
const eventText = (type: string, index: number | undefined): string => `${article(type)} ${type} event${positionText(index)}`;

/**
 * Why `e` is not an event (`{ type, data }` with a type the module declares, its data valid by
 * that type's schema); `index`: its place among the events returned (said " (event 2)"), or
 * undefined for a lone event. Nothing is allocated for a valid event (called for every one).
 */
function eventProblem(e: unknown, checks: Map<string, PayloadCheck> | undefined, index: number | undefined): WrongResult | undefined {
  const shape = 'an event is { type, data }';
  if (!isObject(e)) return { what: `${shown(e)} instead of an event${positionText(index)}`, rule: shape };
  if (typeof e.type !== 'string' || e.type.length === 0) return { what: `an event without a type${positionText(index)}`, rule: shape };
  if (!('data' in e)) return { what: `${article(e.type)} ${e.type} event without data${positionText(index)}`, rule: shape };
  if (!checks) return undefined;
  const check = checks.get(e.type);
  if (!check) return { what: eventText(e.type, index), rule: checks.size ? `the module's eventSchemas declare no ${e.type} event, only ${[...checks.keys()].join(', ')}` : "the module's eventSchemas declare no event types" };
  // the same schema a log of the module's events is checked against
  if (!check.test(e.data)) return { what: `${eventText(e.type, index)} whose data does not match its schema`, rule: check.problems(e.data, 'data').map((p) => `${p.path}: ${p.message}`).join('; ') };
  return undefined;
}

const decisionProblem =
  (checks: Map<string, PayloadCheck> | undefined) =>
  (d: unknown): WrongResult | undefined => {
    const expected = 'a decision is { type: "accepted", events } or { type: "rejected", rejection: { code, message } }';
    if (!isObject(d)) return { what: shown(d), rule: expected };
    if (d.type === 'accepted') {
      if (!Array.isArray(d.events)) return { what: `an accepted decision whose events are ${shown(d.events)}`, rule: 'its events are an array of { type, data }' };
      for (let i = 0; i < d.events.length; i++) {
        const problem = eventProblem(d.events[i], checks, i);
        if (problem) return problem;
      }
      return undefined;
    }
    if (d.type === 'rejected') {
      const r = d.rejection;
      if (!isObject(r) || typeof r.code !== 'string' || r.code.length === 0) return { what: `a rejected decision whose rejection is ${shown(r)}`, rule: 'a rejection is { code, message } with a non-empty code' };
      if (typeof r.message !== 'string') return { what: `a rejection whose message is ${shown(r.message)}`, rule: "a rejection's message is a string" };
      return undefined;
    }
    return { what: shown(d), rule: expected };
  };

const emmettEventsProblem =
  (checks: Map<string, PayloadCheck> | undefined) =>
  (out: unknown): WrongResult | undefined => {
    if (!Array.isArray(out)) return eventProblem(out, checks, undefined);
    for (let i = 0; i < out.length; i++) {
      const problem = eventProblem(out[i], checks, i);
      if (problem) return problem;
    }
    return undefined;
  };

/** A result that breaks a rule, said as "<what> instead of <expected>". */
const insteadOf = (value: unknown, expected: string, rule?: string): WrongResult => ({ what: `${shown(value)} instead of ${expected}`, ...(rule ? { rule } : {}) });

const aggregateProblem = (a: unknown): WrongResult | undefined => (a === undefined ? insteadOf(a, "the stream's state") : typeof a === 'function' ? insteadOf(a, "the stream's state", 'a state is plain data') : undefined);
const streamProblem = (s: unknown): WrongResult | undefined => (typeof s === 'string' && s.length > 0 ? undefined : insteadOf(s, 'a stream id', 'a stream id is a non-empty string'));
const keyProblem = (k: unknown): WrongResult | undefined =>
  typeof k === 'string' || (Array.isArray(k) && k.length > 0 && k.every((x) => typeof x === 'string')) ? undefined : insteadOf(k, 'a key', 'a partition key is a string or a non-empty array of strings');
const messageProblem = (m: unknown): WrongResult | undefined => (m === undefined || typeof m === 'string' ? undefined : insteadOf(m, 'a message', 'a message is a string, or undefined for none'));
const numberProblem = (n: unknown): WrongResult | undefined => (typeof n === 'number' && Number.isFinite(n) ? undefined : insteadOf(n, 'a finite number'));
const statementsProblem = (s: unknown): WrongResult | undefined =>
  Array.isArray(s) && s.every((x) => isObject(x) && typeof x.sql === 'string' && Array.isArray(x.params)) ? undefined : insteadOf(s, 'an array of { sql, params }');
