/**
 * Checks of the JSON documents a workspace stores (run reports and traces): a file from
 * elsewhere may hold anything, and the views index into these shapes. A small declarative
 * shape per document, checked on read; the first problem is named by its path
 * (`runs[0].metrics.commands: expected a number`). Extra members are allowed (newer writers).
 * Pure.
 */
import type { Report, Trace } from '../engine/types';

/** A JSON shape: a kind, an array or record of a shape, or an object of shapes (`key?` optional). */
type Shape = 'string' | 'number' | 'boolean' | 'unknown' | readonly ['array', Shape] | readonly ['record', Shape] | { readonly [key: string]: Shape };

const PERCENTILES: Shape = { p50: 'number', p95: 'number', p99: 'number', max: 'number' };
const METRICS: Shape = {
  commands: 'number', accepted: 'number', rejected: 'number', events: 'number', deliveries: 'number', failures: 'number', retries: 'number',
  deadLettered: 'number', lost: 'number', duplicates: 'number', makespanMs: 'number', commandLatencyMs: PERCENTILES, enactLatencyMs: PERCENTILES,
  maxQueueDepth: 'number', maxWorkers: 'number', 'staleDecisions?': 'number',
};
const RUN_REPORT: Shape = {
  name: 'string',
  metrics: METRICS,
  rejections: ['record', 'number'],
  violations: ['array', { invariant: 'string', atMs: 'number', eventSeq: 'number', message: 'string' }],
  stateHash: 'string',
  finalState: ['record', 'unknown'],
};
const REPORT: Shape = {
  format: 'string', scenario: 'string', domain: 'string', seed: 'number', runs: ['array', RUN_REPORT],
  'comparison?': ['array', { a: 'string', b: 'string', sameFinalState: 'boolean', differences: ['array', { path: ['array', 'string'], a: 'unknown', b: 'unknown' }] }],
};
const SAMPLES: Shape = ['array', { t: 'number', value: 'number' }];
const TRACE: Shape = {
  run: 'string',
  decisions: ['array', {
    inputId: 'string', kind: 'string', commandIds: ['array', 'string'], type: 'string', worker: 'number', arrivedAt: 'number', startedAt: 'number', endedAt: 'number',
    stateVersion: 'number', lag: 'number', 'stale?': 'boolean', accepted: 'boolean', rejections: ['array', { commandId: 'string', rejection: { code: 'string', message: 'string' } }],
    eventSeqs: ['array', 'number'], 'partitionKey?': 'string',
  }],
  log: ['array', { seq: 'number', id: 'string', type: 'string', data: 'unknown', stream: 'string', causationId: 'string', correlationId: 'string', at: 'number', appendedAt: 'number' }],
  attempts: ['array', { consumer: 'string', eventSeq: 'number', attempt: 'number', worker: 'number', start: 'number', end: 'number', outcome: 'string' }],
  history: ['array', { step: 'number', eventSeq: 'number', t: 'number', stream: 'string', prevStep: 'number', after: 'unknown', 'violations?': ['array', 'string'] }],
  queueDepth: SAMPLES,
  workers: SAMPLES,
  consumerQueueDepth: ['record', SAMPLES],
  deadLetters: ['record', ['array', 'number']],
  outputs: ['record', 'unknown'],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first place where `value` does not have `shape`: `path: what is wrong`, or undefined. */
function problem(value: unknown, shape: Shape, path: string): string | undefined {
  const at = path || '(top level)';
  if (shape === 'unknown') return undefined;
  if (typeof shape === 'string') return typeof value === shape && (shape !== 'number' || Number.isFinite(value)) ? undefined : `${at}: expected a ${shape}`;
  if (Array.isArray(shape)) {
    const [kind, inner] = shape as readonly ['array' | 'record', Shape];
    if (kind === 'array') {
      if (!Array.isArray(value)) return `${at}: expected an array`;
      for (let i = 0; i < value.length; i++) {
        const p = problem(value[i], inner, `${path}[${i}]`);
        if (p) return p;
      }
      return undefined;
    }
    if (!isObject(value)) return `${at}: expected an object`;
    for (const key of Object.keys(value)) {
      const p = problem(value[key], inner, `${path}[${JSON.stringify(key.slice(0, 40))}]`);
      if (p) return p;
    }
    return undefined;
  }
  if (!isObject(value)) return `${at}: expected an object`;
  for (const [name, inner] of Object.entries(shape as Record<string, Shape>)) {
    const key = name.endsWith('?') ? name.slice(0, -1) : name;
    const v = Object.hasOwn(value, key) ? value[key] : undefined;
    if (v === undefined) {
      if (key === name) return `${path ? `${path}.` : ''}${key}: is missing`;
      continue;
    }
    const p = problem(v, inner, path ? `${path}.${key}` : key);
    if (p) return p;
  }
  return undefined;
}

/** Why a stored report is not a `purestream/report@1` document, or undefined. */
export function reportProblem(value: unknown): string | undefined {
  return problem(value, REPORT, '') ?? ((value as Report).format === 'purestream/report@1' ? undefined : 'format: expected "purestream/report@1"');
}

/** Why a stored trace is not a run trace (shapes, and each history step's link to the stream's previous step), or undefined. */
export function traceProblem(value: unknown): string | undefined {
  const shape = problem(value, TRACE, '');
  if (shape) return shape;
  const history = (value as Trace).history;
  for (let i = 0; i < history.length; i++) {
    const prev = history[i].prevStep;
    if (prev !== -1 && !(Number.isInteger(prev) && prev >= 0 && prev < i && history[prev].stream === history[i].stream))
      return `history[${i}].prevStep: expected -1 or an earlier step of stream ${JSON.stringify(history[i].stream.slice(0, 40))}`;
  }
  return undefined;
}
