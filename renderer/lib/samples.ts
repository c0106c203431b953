/** The bundled sample scenarios (samples/scenarios/*.json): summaries, lessons and their grouping by idea. */
import { childPaths, getAt, type NodePath } from './tree/nodePath';

/** One bundled sample: its file name, title, one-line lesson, the idea and view it teaches, and raw JSON value. */
export interface SampleScenario {
  readonly file: string;
  readonly name: string;
  /** The one-line lesson (`x-lesson`), else the description's first sentence. */
  readonly summary: string;
  readonly domain: string;
  /** The idea of the design it teaches (`x-idea`), if any. */
  readonly idea: string | undefined;
  /** The view that shows the lesson (`x-view`: "Compare", "Metrics", "Causation graph", …), if any. */
  readonly view: string | undefined;
  /** The Markdown description. */
  readonly description: string;
  readonly value: Readonly<Record<string, unknown>>;
}

/** The ideas of the design in teaching order (the order of the samples issue). */
export const IDEA_ORDER: readonly string[] = [
  'Intelligent concurrency control',
  'Partitioning',
  'Autoscaling',
  'Composable, batchable commands',
  'Offline editing',
  'Decoupled uptime and policies',
  'Flexible consumers',
  'Central authorization',
  'Dry run',
];

/** The heading of samples that name no idea. */
export const OTHER_IDEA = 'More samples';

/** A group of samples teaching one idea. */
export interface IdeaGroup {
  readonly idea: string;
  readonly samples: readonly SampleScenario[];
}

/** The first sentence of a (Markdown) description as plain text, for one-line summaries. */
export function firstSentence(text: string): string {
  const flat = text.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?](\s|$)/);
  return end < 0 ? flat : flat.slice(0, end + 1);
}

const stringOr = (value: unknown, fallback: string | undefined): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : fallback);

/** Turns glob-imported JSON modules into sorted samples (pure: the glob result is passed in). */
export function samplesFrom(modules: Record<string, unknown>): SampleScenario[] {
  return Object.entries(modules)
    .map(([path, mod]) => {
      const value = ((mod as { default?: unknown }).default ?? mod) as Record<string, unknown>;
      const description = typeof value.description === 'string' ? value.description : '';
      return {
        file: path.slice(path.lastIndexOf('/') + 1),
        name: stringOr(value.name, path)!,
        summary: stringOr(value['x-lesson'], undefined) ?? firstSentence(description),
        domain: stringOr(value.domain, '?')!,
        idea: stringOr(value['x-idea'], undefined),
        view: stringOr(value['x-view'], undefined),
        description,
        value,
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Samples grouped by idea: known ideas in teaching order, then unknown ones by name, then those without an idea. */
export function groupByIdea(samples: readonly SampleScenario[]): IdeaGroup[] {
  const rank = (idea: string): number => (idea === OTHER_IDEA ? IDEA_ORDER.length + 1 : IDEA_ORDER.includes(idea) ? IDEA_ORDER.indexOf(idea) : IDEA_ORDER.length);
  const groups = new Map<string, SampleScenario[]>();
  for (const s of samples) {
    const idea = s.idea ?? OTHER_IDEA;
    groups.set(idea, [...(groups.get(idea) ?? []), s]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([idea, list]) => ({ idea, samples: list }));
}

/** The workbench view ids a sample's `x-view` names; undefined for a name no view has. */
export const LESSON_VIEWS: Readonly<Record<string, string>> = {
  compare: 'compare',
  metrics: 'metrics',
  'causation graph': 'graph',
  graph: 'graph',
  'state history': 'history',
  history: 'history',
  timeline: 'timeline',
  consumers: 'consumers',
  decision: 'editor',
  scenario: 'editor',
  runs: 'runs',
};

/** The `x-view` names of a panel inside a view, by the view's tab and the panel's heading: the top bar has no tab for them. */
const PANELS: Readonly<Record<string, string>> = {
  decision: 'Scenario › Decision',
};

/**
 * Where a sample's lesson shows, in the words on screen ("shows in …", "Show me · …"): the view
 * its `x-view` names, or for a panel the view's tab then the panel ("Decision" is the Scenario
 * view's panel: "Scenario › Decision").
 */
export const lessonPlace = (view: string): string => PANELS[view.trim().toLowerCase()] ?? view;

/** The view id for an `x-view` name (case-insensitive), or undefined. */
export const lessonViewId = (view: string | undefined): string | undefined => (view === undefined ? undefined : LESSON_VIEWS[view.trim().toLowerCase()]);

/** The id of the command or batch a "Decision" lesson dry-runs first (its first `x-expect` dryRun claim). */
export function lessonDryRunId(value: Readonly<Record<string, unknown>>): string | undefined {
  const claims = Array.isArray(value['x-expect']) ? (value['x-expect'] as unknown[]) : [];
  for (const claim of claims) {
    const id = (claim as Record<string, unknown> | null)?.dryRun;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

/** The path of the command or batch with `id` in the scenario's command list, if any. */
export function pathOfId(raw: Readonly<Record<string, unknown>>, id: string): NodePath | undefined {
  const list = getAt(raw, ['commands']);
  const stack: NodePath[] = Array.isArray(list) ? list.map((_, i) => ['commands', i]) : [];
  while (stack.length) {
    const path = stack.shift()!;
    const node = getAt(raw, path) as Record<string, unknown> | undefined;
    if (node?.id === id) return path;
    stack.unshift(...childPaths(node, path));
  }
  return undefined;
}
