/**
 * From a run to a test (domain-modules.md): one decision of a run — given the events of the
 * streams it read, when the command, then its events or its rejection code — as the text of a
 * Purestream `given(...).when(...).then(...)` test and of an Emmett `DeciderSpecification` test.
 * The app's "Copy as test" and any tool call these. Pure.
 */
import { viewOf, type AnyDomainModule, type CommandEnvelope, type DecisionInput } from '../../../domain/kernel';
import type { Trace } from '../types';
import type { DecisionOutcome } from '../report/ruleChange';

/** One decision, as a test states it. */
export interface DecisionCase {
  /** The events of the streams the decision read, in the order they were enacted (each with its stream). */
  readonly given: readonly { readonly type: string; readonly data: unknown; readonly stream: string }[];
  readonly command: { readonly id: string; readonly type: string; readonly data: unknown; readonly at: number; readonly actor?: string };
  readonly then: DecisionOutcome;
}

/** How the test imports the module: its path from the test file, and the name to bind it to. */
export interface ModuleImport {
  readonly path: string;
  readonly name: string;
}

/**
 * The decision of command `commandId` in a traced run (`inputs`: the run's arrivals' inputs, for
 * the command itself). Undefined for a command inside a batch (its state includes earlier items).
 */
export function decisionCase(module: AnyDomainModule, trace: Trace, inputs: readonly DecisionInput[], commandId: string): DecisionCase | undefined {
  const decision = trace.decisions.find((d) => d.kind === 'command' && d.inputId === commandId);
  const command = inputs.find((i): i is CommandEnvelope => !('kind' in i) && i.id === commandId);
  if (!decision || !command) return undefined;
  const bySeq = new Map(trace.log.map((e) => [e.seq, e]));
  // the state the decision read: the state store's steps before it, one aggregate per stream
  const steps = trace.history.slice(0, decision.stateVersion);
  const state: Record<string, unknown> = {};
  for (const step of steps) state[step.stream] = step.after;
  const read = new Set<string>();
  const view = viewOf(state);
  module.decide(command, { get: (stream) => (read.add(stream), view.get(stream)) });
  if (module.shape === 'emmett') read.add(module.partitionKey(command, view) as string);
  const given = steps.filter((s) => read.has(s.stream)).map((s) => bySeq.get(s.eventSeq)!).map((e) => ({ type: e.type, data: e.data, stream: e.stream }));
  const rejection = decision.rejections.find((r) => r.commandId === commandId)?.rejection.code;
  const then: DecisionOutcome = rejection !== undefined ? { rejected: rejection } : { events: trace.log.filter((e) => e.causationId === commandId).map((e) => ({ type: e.type, data: e.data })) };
  return { given, command: { id: command.id, type: command.type, data: command.data, at: command.at, ...(command.actor !== undefined ? { actor: command.actor } : {}) }, then };
}

const json = (v: unknown): string => JSON.stringify(v);
const list = (items: readonly unknown[], indent = '  '): string => (items.length ? `[\n${items.map((i) => `${indent}  ${json(i)},`).join('\n')}\n${indent}]` : '[]');

/** A Purestream test: `given(module, events).when(command).then(events)` or `.thenRejects(code)`. */
export function purestreamTestText(c: DecisionCase, module: ModuleImport): string {
  // each domain names its events' streams itself (an Emmett-style decider: the command's stream)
  const given = c.given.map((e) => ({ type: e.type, data: e.data }));
  const then = 'rejected' in c.then ? `.thenRejects(${json(c.then.rejected)});` : `.then(${list(c.then.events)});`;
  return [
    `import { given } from 'purestream/domain';`,
    `import ${module.name} from ${json(module.path)};`,
    '',
    `// ${c.command.id}: ${c.command.type}, decided as in the run`,
    `given(${module.name}, ${list(given)})`,
    `  .when(${json(c.command)})`,
    `  ${then}`,
    '',
  ].join('\n');
}

/** An Emmett `DeciderSpecification` test (a Purestream-shaped module runs through `asEmmettDecider`). */
export function emmettTestText(c: DecisionCase, module: ModuleImport, shape: 'purestream' | 'emmett'): string {
  const decider = shape === 'emmett' ? `{ decide: ${module.name}.decide, evolve: ${module.name}.evolve, initialState: ${module.name}.initialState }` : `asEmmettDecider(${module.name})`;
  const { id, type, data, at, actor } = c.command;
  const metadata = `{ now: new Date(${at}), commandId: ${json(id)}${actor !== undefined ? `, actor: ${json(actor)}` : ''} }`;
  const then = 'rejected' in c.then ? `.thenThrows((error) => rejectionCode(error) === ${json(c.then.rejected)});` : `.then(${list(c.then.events)});`;
  const given = c.given.map((e) => ({ type: e.type, data: e.data }));
  return [
    `import { DeciderSpecification } from '@event-driven-io/emmett';`,
    ...(shape === 'emmett' && !('rejected' in c.then) ? [] : [`import { ${[shape === 'emmett' ? '' : 'asEmmettDecider', 'rejected' in c.then ? 'rejectionCode' : ''].filter(Boolean).join(', ')} } from 'purestream/domain';`]),
    `import ${module.name} from ${json(module.path)};`,
    '',
    `const given = DeciderSpecification.for(${decider});`,
    '',
    `// ${id}: ${type}, decided as in the run`,
    `given(${list(given)})`,
    `  .when({ type: ${json(type)}, data: ${json(data)}, metadata: ${metadata} })`,
    `  ${then}`,
    '',
  ].join('\n');
}
