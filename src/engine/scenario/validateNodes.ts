/**
 * Validation of the command tree (`setup` and `commands`): commands, batches, repeats and
 * offline groups, with command data checked against the domain's schemas. Every error names
 * its JSON path. Also rejects ids used twice and repeated ids without `{i}`/`{n}`.
 */
import { validate, type AnyDecider, type ObjectSchema } from '../../../domain/kernel';
import type { ScenarioNode } from '../types';
import { array, at, describe, integer, item, knownKeys, number, object, oneOf, string, type Errors, type Json } from './check';

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

/** Validates a node list (`setup` or `commands`); `ids` collects explicit ids across lists to catch duplicates. */
export function validateNodes(decider: AnyDecider, nodes: readonly unknown[], path: string, errors: Errors, ids: Map<string, string>): ScenarioNode[] {
  const check = new NodeChecker(decider, errors, ids);
  nodes.forEach((n, i) => check.node(n, item(path, i), TOP));
  return nodes as ScenarioNode[];
}

class NodeChecker {
  constructor(
    private readonly decider: AnyDecider,
    private readonly errors: Errors,
    private readonly ids: Map<string, string>,
  ) {}

  node(value: unknown, path: string, place: Place): void {
    const node = object(value, path, this.errors, 'a node (a command, batch, repeat or offline group)');
    if (!node) return;
    if ('type' in node) this.command(node, path, place);
    else if ('batch' in node) this.batch(node, path, place);
    else if ('repeat' in node) this.repeat(node, path, place);
    else if ('offline' in node) this.offline(node, path, place);
    else
      this.errors.push({
        path,
        message: 'expected a node: a command {"type", "data"}, a batch {"batch", "items"}, a repeat {"repeat", "template"} or an offline group {"offline", "syncAt", "items"}',
      });
  }

  private command(node: Json, path: string, place: Place): void {
    knownKeys(node, path, ['type', 'data', 'id', 'at', 'actor'], this.errors);
    this.id(node, path, place);
    this.time(node, path, place);
    string(node, 'actor', path, this.errors);
    const schemas = this.decider.commandSchemas as Record<string, ObjectSchema>;
    const type = oneOf(node, 'type', path, this.errors, Object.keys(schemas), { required: true, what: 'command type', of: `for domain "${this.decider.id}"` });
    if (node.data === undefined) this.errors.push({ path: at(path, 'data'), message: 'is required' });
    else if (type) this.errors.push(...validate(schemas[type], node.data, at(path, 'data')));
  }

  private batch(node: Json, path: string, place: Place): void {
    knownKeys(node, path, ['batch', 'id', 'at', 'items'], this.errors);
    oneOf(node, 'batch', path, this.errors, BATCH_MODES, { required: true, what: 'batch mode' });
    this.id(node, path, place);
    this.time(node, path, place);
    const items = array(node, 'items', path, this.errors, { required: true, nonEmpty: true });
    items?.forEach((n, i) => this.node(n, item(at(path, 'items'), i), { ...place, inBatch: true }));
  }

  private repeat(node: Json, path: string, place: Place): void {
    knownKeys(node, path, ['repeat', 'template', 'at', 'every', 'jitterMs'], this.errors);
    const count = integer(node, 'repeat', path, this.errors, { required: true, min: 0 });
    this.time(node, path, place);
    for (const key of ['every', 'jitterMs'])
      if (place.inBatch && node[key] !== undefined) this.errors.push({ path: at(path, key), message: 'a repeat inside a batch has no timing: its copies are items of the batch' });
    number(node, 'every', path, this.errors, { min: 0 });
    integer(node, 'jitterMs', path, this.errors, { min: 0 });
    if (node.template === undefined) this.errors.push({ path: at(path, 'template'), message: 'is required' });
    else this.node(node.template, at(path, 'template'), { ...place, inTemplate: true, repeated: place.repeated || (count ?? 0) > 1 });
  }

  private offline(node: Json, path: string, place: Place): void {
    knownKeys(node, path, ['offline', 'syncAt', 'items'], this.errors);
    if (place.inBatch || place.inTemplate) {
      this.errors.push({ path, message: `an offline group must be a top-level node, not ${place.inBatch ? 'a batch item' : 'a repeat template'}` });
      return;
    }
    string(node, 'offline', path, this.errors, { required: true });
    number(node, 'syncAt', path, this.errors, { required: true, min: 0 });
    const items = array(node, 'items', path, this.errors, { required: true, nonEmpty: true });
    items?.forEach((n, i) => {
      const itemPath = item(at(path, 'items'), i);
      if (object(n, itemPath, this.errors, 'a command {"type", "data", "at"?}') === undefined) return;
      if (!('type' in (n as Json))) this.errors.push({ path: itemPath, message: 'an offline group holds commands only (expected "type" and "data")' });
      else this.command(n as Json, itemPath, place);
    });
  }

  /** `at`: a time >= 0, except inside batches and repeat templates. */
  private time(node: Json, path: string, place: Place): void {
    if (node.at === undefined) return;
    if (place.inBatch) this.errors.push({ path: at(path, 'at'), message: 'items inside a batch may not have their own "at": they arrive with the batch' });
    else if (place.inTemplate) this.errors.push({ path: at(path, 'at'), message: 'a repeat template may not have its own "at": put "at" (and "every") on the repeat' });
    else number(node, 'at', path, this.errors, { min: 0 });
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
