/**
 * Validation of the command tree (`setup` and `commands`): commands, batches, repeats and
 * offline groups, with command data checked against the domain's schemas (when the domain is
 * known: without one the tree's shape is still checked). Every error names its JSON path. Also
 * rejects ids used twice, repeated ids without `{i}`/`{n}`, times past MAX_TIME_MS, and a list
 * that would expand to more than MAX_COMMANDS commands (counted before anything is expanded,
 * and named at the deepest node that alone is too big). Recursion is bounded by MAX_DEPTH.
 */
import { validate, type AnyDecider, type ObjectSchema } from '../../../domain/kernel';
import type { ScenarioNode } from '../types';
import { array, at, describe, integer, item, knownKeys, object, oneOf, string, time, type Errors, type Json } from './check';
import { MAX_COMMANDS, MAX_TIME_MS, thousands, TIME_LIMIT } from './limits';

/** Where a node sits, which decides what it may contain. */
interface Place {
  /** Inside a batch: no `at`, no offline groups, no timing on repeats. */
  readonly inBatch: boolean;
  /** The template of a repeat: no `at` (the copy's time is given), no offline groups. */
  readonly inTemplate: boolean;
  /** Copied more than once: explicit ids need a placeholder. */
  readonly repeated: boolean;
}

const TOP: Place = { inBatch: false, inTemplate: false, repeated: false };
const BATCH_MODES = ['all-or-nothing', 'allow-partial'] as const;
const PLACEHOLDER = /\{[in]\}/;
const ONE: Size = { commands: 1, reported: false };

/**
 * Validates a node list (`setup` or `commands`); `ids` collects explicit ids across lists to
 * catch duplicates. `decider` undefined (an unknown domain): command types and data are not checked.
 */
export function validateNodes(decider: AnyDecider | undefined, nodes: readonly unknown[], path: string, errors: Errors, ids: Map<string, string>): ScenarioNode[] {
  const size = new NodeChecker(decider, errors, ids).list(nodes, path, TOP);
  if (size.commands > MAX_COMMANDS && !size.reported) errors.push(tooMany(path, size.commands, 'in all'));
  return nodes as ScenarioNode[];
}

/** How many commands a node expands to, and whether a "too many" error was reported inside it. */
interface Size {
  readonly commands: number;
  readonly reported: boolean;
}

const NONE: Size = { commands: 0, reported: false };

const tooMany = (path: string, commands: number, what = ''): { path: string; message: string } => ({
  path,
  message: `expands to ${thousands(commands)} commands${what ? ` ${what}` : ''}; a scenario's setup and commands may each expand to at most ${thousands(MAX_COMMANDS)}`,
});

class NodeChecker {
  constructor(
    private readonly decider: AnyDecider | undefined,
    private readonly errors: Errors,
    private readonly ids: Map<string, string>,
  ) {}

  /** Checks a node; returns how many commands it expands to (a saturating count: Infinity past 2^53). */
  node(value: unknown, path: string, place: Place): Size {
    const node = object(value, path, this.errors, 'a node (a command, batch, repeat or offline group)');
    if (!node) return NONE;
    const has = (key: string) => Object.hasOwn(node, key);
    const size = has('type')
      ? this.command(node, path, place)
      : has('batch')
        ? this.batch(node, path, place)
        : has('repeat')
          ? this.repeat(node, path, place)
          : has('offline')
            ? this.offline(node, path, place)
            : undefined;
    if (size === undefined) {
      this.errors.push({
        path,
        message: 'expected a node: a command {"type", "data"}, a batch {"batch", "items"}, a repeat {"repeat", "template"} or an offline group {"offline", "syncAt", "items"}',
      });
      return NONE;
    }
    // the deepest node that alone expands to too many commands is the one named
    if (size.commands > MAX_COMMANDS && !size.reported) {
      this.errors.push(tooMany(path, size.commands));
      return { commands: size.commands, reported: true };
    }
    return size;
  }

  private command(node: Json, path: string, place: Place): Size {
    knownKeys(node, path, ['type', 'data', 'id', 'at', 'actor'], this.errors);
    this.id(node, path, place);
    this.time(node, path, place);
    string(node, 'actor', path, this.errors);
    if (node.data === undefined) this.errors.push({ path: at(path, 'data'), message: 'is required' });
    const decider = this.decider;
    if (!decider) {
      string(node, 'type', path, this.errors, { required: true });
      return ONE;
    }
    const schemas = decider.commandSchemas as Record<string, ObjectSchema>;
    const type = oneOf(node, 'type', path, this.errors, Object.keys(schemas), { required: true, what: 'command type', of: `for domain "${decider.id}"` });
    if (node.data !== undefined && type) this.errors.push(...validate(schemas[type], node.data, at(path, 'data')));
    return ONE;
  }

  private batch(node: Json, path: string, place: Place): Size {
    knownKeys(node, path, ['batch', 'id', 'at', 'items'], this.errors);
    oneOf(node, 'batch', path, this.errors, BATCH_MODES, { required: true, what: 'batch mode' });
    this.id(node, path, place);
    this.time(node, path, place);
    const items = array(node, 'items', path, this.errors, { required: true, nonEmpty: true });
    return this.list(items ?? [], at(path, 'items'), { ...place, inBatch: true });
  }

  private repeat(node: Json, path: string, place: Place): Size {
    knownKeys(node, path, ['repeat', 'template', 'at', 'every', 'jitterMs'], this.errors);
    const count = integer(node, 'repeat', path, this.errors, { required: true, min: 0 });
    this.time(node, path, place);
    for (const key of ['every', 'jitterMs'])
      if (place.inBatch && node[key] !== undefined) this.errors.push({ path: at(path, key), message: 'a repeat inside a batch has no timing: its copies are items of the batch' });
    time(node, 'every', path, this.errors);
    integer(node, 'jitterMs', path, this.errors, { min: 0, max: MAX_TIME_MS, limit: TIME_LIMIT });
    if (node.template === undefined) {
      this.errors.push({ path: at(path, 'template'), message: 'is required' });
      return NONE;
    }
    const template = this.node(node.template, at(path, 'template'), { ...place, inTemplate: true, repeated: place.repeated || (count ?? 0) > 1 });
    return { commands: (count ?? 0) === 0 ? 0 : (count ?? 0) * template.commands, reported: template.reported };
  }

  private offline(node: Json, path: string, place: Place): Size {
    knownKeys(node, path, ['offline', 'syncAt', 'items'], this.errors);
    if (place.inBatch || place.inTemplate) {
      this.errors.push({ path, message: `an offline group must be a top-level node, not ${place.inBatch ? 'a batch item' : 'a repeat template'}` });
      return NONE;
    }
    string(node, 'offline', path, this.errors, { required: true });
    time(node, 'syncAt', path, this.errors, { required: true });
    const items = array(node, 'items', path, this.errors, { required: true, nonEmpty: true }) ?? [];
    items.forEach((n, i) => {
      const itemPath = item(at(path, 'items'), i);
      if (object(n, itemPath, this.errors, 'a command {"type", "data", "at"?}') === undefined) return;
      if (!Object.hasOwn(n as Json, 'type')) this.errors.push({ path: itemPath, message: 'an offline group holds commands only (expected "type" and "data")' });
      else this.command(n as Json, itemPath, place);
    });
    return { commands: items.length, reported: false };
  }

  /** The nodes of a list (the top level, a batch's items): their sizes added up. */
  list(nodes: readonly unknown[], path: string, place: Place): Size {
    let commands = 0;
    let reported = false;
    nodes.forEach((n, i) => {
      const size = this.node(n, item(path, i), place);
      commands += size.commands;
      reported ||= size.reported;
    });
    return { commands, reported };
  }

  /** `at`: a time in [0, MAX_TIME_MS], except inside batches and repeat templates. */
  private time(node: Json, path: string, place: Place): void {
    if (node.at === undefined) return;
    if (place.inBatch) this.errors.push({ path: at(path, 'at'), message: 'items inside a batch may not have their own "at": they arrive with the batch' });
    else if (place.inTemplate) this.errors.push({ path: at(path, 'at'), message: 'a repeat template may not have its own "at": put "at" (and "every") on the repeat' });
    else time(node, 'at', path, this.errors);
  }

  /** `id`: a non-empty string, unique in the file, with a placeholder when the node is repeated. */
  private id(node: Json, path: string, place: Place): void {
    const id = string(node, 'id', path, this.errors);
    if (id === undefined) return;
    const idPath = at(path, 'id');
    if (PLACEHOLDER.test(id)) return;
    if (place.repeated) {
      this.errors.push({ path: idPath, message: `${describe(id)} would be the same for every copy of the repeat: include {i} or {n}` });
      return;
    }
    const first = this.ids.get(id);
    if (first !== undefined) this.errors.push({ path: idPath, message: `duplicate id ${describe(id)} (also at ${first})` });
    else this.ids.set(id, idPath);
  }
}
