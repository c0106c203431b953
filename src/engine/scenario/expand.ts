/**
 * Expands a validated scenario's node trees into what the simulation consumes: the setup
 * inputs (in order) and the timed arrivals (sorted by time, ties in file order). Pure and
 * deterministic: jitter comes from the scenario seed on a dedicated random stream.
 *
 * Contract decisions (extending ../../../shared/spec/scenario.md):
 * - Ids: the n-th command (depth-first, from 1, explicit ids included) gets `c<n>` unless it
 *   has an `id`; batches are counted separately and get `b<n>`. Setup nodes use their own
 *   counters and prefixes `s<n>` / `sb<n>`, so their event ids never collide with commands'.
 *   Each repeat copy counts anew, so a template command without an id gets a fresh number.
 * - `at` defaults to the previous node's arrival time: a repeat's is its last copy's
 *   scheduled time (`at + (repeat-1)*every`, before jitter), an offline node's is `syncAt`.
 * - Items of a batch have no time of their own: their timestamp is the batch's arrival time.
 *   A repeat inside a batch expands into `repeat` items.
 * - An offline item without `at` takes the previous item's timestamp (the first: the
 *   arrival time of the node before the offline node).
 * - Jitter is a whole number of ms, uniform in [0, jitterMs], drawn per copy in file order.
 * - Command data gets the domain schema's defaults (commerce: warehouse "main").
 */
import { commandId, type AnyDomainModule, type BatchEnvelope, type CommandEnvelope, type DecisionInput } from '../../../domain/kernel';
import { domainFor } from '../module/bundled';
import { seededRandom, type Random } from '../random';
import type { Arrival, BatchNode, CommandNode, OfflineNode, RepeatNode, Scenario, ScenarioNode } from '../types';

/** The random stream for repeat jitter of `commands` (setup uses the next one). */
export const JITTER_STREAM = 0x5ce7a;

/** What the simulation consumes: setup inputs in order, and arrivals in time order. */
export interface ExpandedScenario {
  readonly setup: DecisionInput[];
  readonly arrivals: Arrival[];
}

/** Expands setup and commands of a validated scenario (see the module doc for the rules); `domain`: a loaded module, else the bundled one. */
export function expandScenario(scenario: Scenario, domain?: AnyDomainModule): ExpandedScenario {
  const decider = domainFor(scenario, domain);
  const setup = expandNodes(scenario.setup, new Expansion(decider, seededRandom(scenario.seed, JITTER_STREAM + 1), 's', 'sb'));
  const arrivals = expandNodes(scenario.commands, new Expansion(decider, seededRandom(scenario.seed, JITTER_STREAM), 'c', 'b'));
  return { setup: setup.map((a) => a.input), arrivals };
}

/** Expands one node list into arrivals sorted by time, ties in depth-first order. */
function expandNodes(nodes: readonly ScenarioNode[], expansion: Expansion): Arrival[] {
  let previousAt = 0;
  for (const node of nodes) previousAt = expansion.node(node, previousAt);
  const arrivals = expansion.arrivals;
  if (!isSorted(arrivals)) arrivals.sort((a, b) => a.at - b.at || a.order - b.order);
  return arrivals;
}

const isSorted = (arrivals: readonly Arrival[]): boolean => arrivals.every((a, i) => i === 0 || arrivals[i - 1].at <= a.at);

const isCommand = (node: ScenarioNode): node is CommandNode => Object.hasOwn(node, 'type');
const isBatchNode = (node: ScenarioNode): node is BatchNode => Object.hasOwn(node, 'batch');
const isRepeat = (node: ScenarioNode): node is RepeatNode => Object.hasOwn(node, 'repeat');

/** The running counters and output of one node list's expansion. */
class Expansion {
  readonly arrivals: Arrival[] = [];
  private commands = 0;
  private batches = 0;
  private readonly defaulted = new WeakMap<CommandNode, unknown>();

  constructor(
    private readonly decider: AnyDomainModule,
    private readonly random: Random,
    private readonly commandPrefix: string,
    private readonly batchPrefix: string,
  ) {}

  /**
   * Expands a timed node arriving at its `at` or `defaultAt`; returns its arrival time for the
   * next node. `fresh`: the node is a copy made for this expansion alone (see {@link dataOf}).
   */
  node(node: ScenarioNode, defaultAt: number, fresh = false): number {
    if (isRepeat(node)) return this.repeat(node, defaultAt);
    if (!isCommand(node) && !isBatchNode(node)) return this.offline(node, defaultAt);
    const at = node.at ?? defaultAt;
    const input = isCommand(node) ? this.command(node, at, fresh) : this.batch(node, at, fresh);
    this.arrivals.push({ at, order: this.arrivals.length, input });
    return at;
  }

  private repeat(node: RepeatNode, defaultAt: number): number {
    const base = node.at ?? defaultAt;
    const every = node.every ?? 0;
    const jitter = node.jitterMs ?? 0;
    const copy = copier(node.template);
    const template = node.template;
    // copies of one command without placeholders: the same node each time, its data defaulted once
    const plain = !copy.fresh && isCommand(template) && !isRepeat(template) && template.at === undefined ? template : undefined;
    const data = plain ? this.dataOf(plain, false) : undefined;
    for (let k = 0; k < node.repeat; k++) {
      const at = base + k * every + (jitter > 0 ? this.random.int(0, Math.floor(jitter)) : 0);
      if (plain) this.arrivals.push({ at, order: this.arrivals.length, input: this.command(plain, at, false, data) });
      else this.node(copy.make(k), at, copy.fresh);
    }
    return base + Math.max(0, node.repeat - 1) * every;
  }

  private offline(node: OfflineNode, defaultAt: number): number {
    let timestamp = defaultAt;
    for (const item of node.items) {
      timestamp = item.at ?? timestamp;
      this.arrivals.push({ at: node.syncAt, order: this.arrivals.length, input: this.command(item, timestamp, false), offline: node.offline });
    }
    return node.syncAt;
  }

  /** The envelope of a command node arriving at `at` (`data`: its defaulted data, when known already). */
  private command(node: CommandNode, at: number, fresh: boolean, data: unknown = this.dataOf(node, fresh)): CommandEnvelope {
    const n = ++this.commands;
    const envelope: { -readonly [K in keyof CommandEnvelope]: CommandEnvelope[K] } = { id: commandId(node.id ?? `${this.commandPrefix}${n}`), type: node.type, data, at };
    if (node.actor !== undefined) envelope.actor = node.actor;
    return envelope;
  }

  /**
   * The node's data with schema defaults. A node met more than once (a template without
   * placeholders: its copies are the template itself) is defaulted once and its data shared;
   * a fresh copy is defaulted without the cache (ten million entries would only cost memory).
   */
  private dataOf(node: CommandNode, fresh: boolean): unknown {
    if (fresh) return this.withDefaults(node);
    let data = this.defaulted.get(node);
    if (data === undefined) this.defaulted.set(node, (data = this.withDefaults(node)));
    return data;
  }

  private withDefaults(node: CommandNode): unknown {
    const check = this.decider.commandCheck(node.type);
    return check ? check.withDefaults(node.data) : node.data;
  }

  private batch(node: BatchNode, at: number, fresh: boolean): BatchEnvelope {
    const n = ++this.batches;
    const id = node.id ?? `${this.batchPrefix}${n}`;
    const items: DecisionInput[] = [];
    for (const item of node.items) this.items(item, at, fresh, items);
    return { kind: 'batch', id, mode: node.batch, items };
  }

  /** Appends the inputs one batch item stands for: one, or `repeat` of them. */
  private items(node: ScenarioNode, at: number, fresh: boolean, out: DecisionInput[]): void {
    if (isCommand(node)) out.push(this.command(node, at, fresh));
    else if (isBatchNode(node)) out.push(this.batch(node, at, fresh));
    else if (isRepeat(node)) {
      const copy = copier(node.template);
      for (let k = 0; k < node.repeat; k++) this.items(copy.make(k), at, fresh || copy.fresh, out);
    } else throw new Error(`an offline node cannot be a batch item (client "${node.offline}")`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Makes copy k of a template: the template itself when it has no placeholder (nodes are never mutated), else a fresh copy. */
function copier(template: ScenarioNode): { readonly make: (k: number) => ScenarioNode; readonly fresh: boolean } {
  if (!hasPlaceholder(template)) return { make: () => template, fresh: false };
  return { make: (k) => substitute(template, k) as ScenarioNode, fresh: true };
}

/** Whether any string in `value` holds `{i}` or `{n}`. */
function hasPlaceholder(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (PLACEHOLDER.test(v)) return true;
    } else if (typeof v === 'object' && v !== null) for (const key of Object.keys(v)) stack.push((v as Record<string, unknown>)[key]);
  }
  return false;
}

const PLACEHOLDER = /\{[in]\}/;

/** A copy of `value` with `{i}` → k and `{n}` → k+1 in every string (keys named `__proto__` stay own keys). */
export function substitute(value: unknown, k: number): unknown {
  if (typeof value === 'string') return value.includes('{') ? value.replaceAll('{i}', String(k)).replaceAll('{n}', String(k + 1)) : value;
  if (Array.isArray(value)) return value.map((v) => substitute(v, k));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const copy = substitute(value[key], k);
      if (key === '__proto__') Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
      else out[key] = copy;
    }
    return out;
  }
  return value;
}
