/**
 * From a run to a test (domain-modules.md): one decision of a run — given the events of the
 * streams it read, when the command, then its events or its rejection code — as the text of a
 * Purestream `given(...).when(...).then(...)` test and of an Emmett `DeciderSpecification` test.
 * The app's "Copy as test" and any tool call these. Pure.
 */
import { BATCH_ABORTED, commandOutcomes, decideInput, isBatch, viewOf, type AnyDomainModule, type BatchEnvelope, type CommandEnvelope, type DecisionInput, type DomainEvent, type StateView } from '../../../domain/kernel';
import type { Trace } from '../types';
import { virtualToIso } from '../virtualTime';
import type { DecisionOutcome } from '../report/ruleChange';
import { bundledIds } from '../../../domain';

/** One decision, as a test states it. */
export interface DecisionCase {
  /** The events of the streams the decision read, in the order they were enacted (each with its stream). */
  readonly given: readonly { readonly type: string; readonly data: unknown; readonly stream: string }[];
  /** The streams the decision read, in the order it first read them, each with its aggregate as read (undefined: a new stream, with no events). */
  readonly read: readonly { readonly stream: string; readonly aggregate: unknown }[];
  readonly command: { readonly id: string; readonly type: string; readonly data: unknown; readonly at: number; readonly actor?: string };
  readonly then: DecisionOutcome;
}

/**
 * How the test imports the domain: a module's default export from its path relative to the test
 * file, bound to `name`; or a bundled domain, the export of `purestream/domain` named by its id.
 */
export type ModuleImport = { readonly path: string; readonly name: string } | { readonly bundled: string };

/**
 * How a copied test imports the domain of a run (`domain`: its id; `moduleFile`: the file name of
 * the open module with that id, if any): the module's file beside the test, else the bundled
 * domain from `purestream/domain`, else (neither: a module that is not open) a file named by the id.
 */
export function moduleImportOf(domain: string, moduleFile?: string): ModuleImport {
  if (moduleFile === undefined && bundledIds.includes(domain)) return { bundled: domain };
  const file = moduleFile ? moduleFile.replace(/\.m?ts$/, '') : domain;
  return { path: `./${file}`, name: domain.replace(/[^A-Za-z0-9_$]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')) || 'domain' };
}

/** The name the test binds the domain to. */
const bound = (m: ModuleImport): string => ('bundled' in m ? m.bundled : m.name);
/** The import of a module's file (none for a bundled domain: it comes with the helpers from `purestream/domain`). */
const fileImport = (m: ModuleImport): string[] => ('bundled' in m ? [] : [`import ${m.name} from ${json(m.path)};`]);

/**
 * The decision of command `commandId` in a traced run (`inputs`: the run's arrivals' inputs, for
 * the command itself): a command decided on its own, or an item of a batch — then the state it
 * read includes the events of the earlier items its batch kept. Undefined for a command the run
 * did not decide (setup), an item its all-or-nothing batch aborted (another item was rejected),
 * or a command (or a batch) the domain alone decides otherwise than the run did (its
 * authorization policy refused it).
 */
export function decisionCase(module: AnyDomainModule, trace: Trace, inputs: readonly DecisionInput[], commandId: string): DecisionCase | undefined {
  const decision = trace.decisions.find((d) => d.commandIds.includes(commandId));
  if (!decision) return undefined;
  const rejection = decision.rejections.find((r) => r.commandId === commandId)?.rejection.code;
  const then: DecisionOutcome = rejection !== undefined ? { rejected: rejection } : { events: trace.log.filter((e) => e.causationId === commandId).map((e) => ({ type: e.type, data: e.data })) };
  const input = inputs.find((i) => i.id === decision.inputId);
  if (decision.kind === 'command') {
    if (!input || isBatch(input) || input.id !== commandId) return undefined;
    const read = new Set<string>();
    const steps = trace.history.slice(0, decision.stateVersion);
    const state: Record<string, unknown> = {};
    for (const step of steps) state[step.stream] = step.after;
    const view = viewOf(state);
    const own = module.decide(input, { get: (stream) => (read.add(stream), view.get(stream)) });
    // decided otherwise than in the run (an authorization policy refused it there): no test would pass
    if ((own.type === 'rejected' ? own.rejection.code : undefined) !== rejection) return undefined;
    if (module.shape === 'emmett') read.add(module.partitionKey(input, view) as string);
    const bySeq = new Map(trace.log.map((e) => [e.seq, e]));
    const given = steps.filter((s) => read.has(s.stream)).map((s) => bySeq.get(s.eventSeq)!).map((e) => ({ type: e.type, data: e.data, stream: e.stream }));
    return { given, read: [...read].map((stream) => ({ stream, aggregate: view.get(stream) })), command: commandOf(input), then };
  }
  if (!input || !isBatch(input) || rejection === BATCH_ABORTED) return undefined;
  const item = batchItem(module, trace, decision.stateVersion, input, commandId);
  if (!item) return undefined;
  // the batch decided again must be the run's (an authorization policy the run applied is not here)
  const run = new Map(decision.rejections.map((r) => [r.commandId, r.rejection.code]));
  if (!commandOutcomes(item.outcome).every((o) => o.rejection?.code === run.get(o.command.id))) return undefined;
  return { given: item.given, read: item.read, command: commandOf(item.command), then };
}

const commandOf = (c: CommandEnvelope): DecisionCase['command'] => ({ id: c.id, type: c.type, data: c.data, at: c.at, ...(c.actor !== undefined ? { actor: c.actor } : {}) });

/** Where the order of in-batch events starts: after every seq a log can have, exact for every count after it. */
const IN_BATCH = 2 ** 52;

/** An aggregate with the events that made it, newest first (a chain: no copying per event). */
interface Traced {
  readonly aggregate: unknown;
  readonly last: EventLink | undefined;
}
interface EventLink {
  readonly event: DecisionCase['given'][number];
  /** Pre-batch events by their seq, in-batch ones after every seq, in the order decided. */
  readonly order: number;
  readonly previous: EventLink | undefined;
}

/**
 * An item of a batch decided again by the kernel (../../../domain/kernel), with aggregates that
 * carry the events that made them: what the item read is then the events behind it — the
 * state's before the batch and those of the earlier items its batch kept at that moment (a
 * nested batch that failed before it had taken its items' back).
 */
function batchItem(module: AnyDomainModule, trace: Trace, stateVersion: number, batch: BatchEnvelope, commandId: string) {
  const bySeq = new Map(trace.log.map((e) => [e.seq, e]));
  const before = new Map<string, Traced>();
  for (const step of trace.history.slice(0, stateVersion)) {
    const e = bySeq.get(step.eventSeq)!;
    before.set(step.stream, { aggregate: step.after, last: { event: { type: e.type, data: e.data, stream: e.stream }, order: e.seq, previous: before.get(step.stream)?.last } });
  }
  let decided = 0;
  let found: { command: CommandEnvelope; read: Map<string, Traced | undefined> } | undefined;
  const plain = (view: StateView<unknown>): StateView<unknown> => ({ get: (stream) => (view.get(stream) as Traced | undefined)?.aggregate });
  const tracing: AnyDomainModule = Object.assign(Object.create(module) as AnyDomainModule, {
    evolve: (t: Traced | undefined, e: DomainEvent): Traced => {
      const stream = String(module.streamOf(e));
      return { aggregate: module.evolve(t?.aggregate, e), last: { event: { type: e.type, data: e.data, stream }, order: IN_BATCH + ++decided, previous: t?.last } };
    },
    decide: (c: CommandEnvelope, view: StateView<unknown>) => {
      if (c.id !== commandId) return module.decide(c, plain(view));
      const read = new Map<string, Traced | undefined>();
      found = { command: c, read };
      const decision = module.decide(c, { get: (stream) => (read.set(stream, view.get(stream) as Traced | undefined), (view.get(stream) as Traced | undefined)?.aggregate) });
      if (module.shape === 'emmett') {
        const own = String(module.partitionKey(c, plain(view)));
        read.set(own, view.get(own) as Traced | undefined);
      }
      return decision;
    },
  });
  const outcome = decideInput(tracing, batch, { get: (stream) => before.get(stream) });
  if (!found) return undefined;
  const links: EventLink[] = [];
  for (const t of found.read.values()) for (let l = t?.last; l; l = l.previous) links.push(l);
  links.sort((a, b) => a.order - b.order);
  const read = [...found.read].map(([stream, t]) => ({ stream, aggregate: t?.aggregate }));
  return { command: found.command, given: links.map((l) => l.event), read, outcome };
}

const json = (v: unknown): string => JSON.stringify(v);
const list = (items: readonly unknown[], indent = '  '): string => (items.length ? `[\n${items.map((i) => `${indent}  ${json(i)},`).join('\n')}\n${indent}]` : '[]');

/**
 * What the given events are, as a comment: the streams the decision read, each with its number
 * of events — `// given: the events of the streams it read: stock:tee@main (116), order:o-1 (none)`.
 */
function givenNote(c: DecisionCase): string {
  if (c.read.length === 0) return '// given: nothing (the decision read no stream)';
  const counts = new Map<string, number>(c.read.map((r) => [r.stream, 0]));
  for (const e of c.given) counts.set(e.stream, (counts.get(e.stream) ?? 0) + 1);
  return `// given: the events of the stream${counts.size === 1 ? '' : 's'} it read: ${[...counts].map(([s, n]) => `${s} (${n === 0 ? 'none' : n})`).join(', ')}`;
}

/** A Purestream test: `given(module, events).when(command).then(events)` or `.thenRejects(code)`. */
export function purestreamTestText(c: DecisionCase, module: ModuleImport): string {
  // each domain names its events' streams itself (an Emmett-style decider: the command's stream)
  const given = c.given.map((e) => ({ type: e.type, data: e.data }));
  const then = 'rejected' in c.then ? `.thenRejects(${json(c.then.rejected)});` : `.then(${list(c.then.events)});`;
  return [
    `import { ${['given', ...('bundled' in module ? [module.bundled] : [])].join(', ')} } from 'purestream/domain';`,
    ...fileImport(module),
    '',
    `// ${c.command.id}: ${c.command.type}, decided as in the run`,
    givenNote(c),
    `given(${bound(module)}, ${list(given)})`,
    `  .when(${json(c.command)})`,
    `  ${then}`,
    '',
  ].join('\n');
}

/** An Emmett `DeciderSpecification` test (a Purestream-shaped module runs through `asEmmettDecider`). */
export function emmettTestText(c: DecisionCase, module: ModuleImport, shape: 'purestream' | 'emmett'): string {
  const name = bound(module);
  const decider = shape === 'emmett' ? `{ decide: ${name}.decide, evolve: ${name}.evolve, initialState: ${name}.initialState }` : `asEmmettDecider(${name})`;
  const { id, type, data, at, actor } = c.command;
  const metadata = `{ now: new Date(${json(virtualToIso(at))}), commandId: ${json(id)}${actor !== undefined ? `, actor: ${json(actor)}` : ''} }`;
  const then = 'rejected' in c.then ? `.thenThrows((error) => rejectionCode(error) === ${json(c.then.rejected)});` : `.then(${list(c.then.events)});`;
  const given = c.given.map((e) => ({ type: e.type, data: e.data }));
  const helpers = [shape === 'emmett' ? '' : 'asEmmettDecider', 'rejected' in c.then ? 'rejectionCode' : '', 'bundled' in module ? module.bundled : ''].filter(Boolean);
  return [
    `import { DeciderSpecification } from '@event-driven-io/emmett';`,
    ...(helpers.length ? [`import { ${helpers.join(', ')} } from 'purestream/domain';`] : []),
    ...fileImport(module),
    '',
    `const given = DeciderSpecification.for(${decider});`,
    '',
    `// ${id}: ${type}, decided as in the run`,
    givenNote(c),
    `given(${list(given)})`,
    `  .when({ type: ${json(type)}, data: ${json(data)}, metadata: ${metadata} })`,
    `  ${then}`,
    '',
  ].join('\n');
}
