/**
 * What the lesson panel shows for the open scenario: the lesson of the sample it was opened as
 * (from Start), else its own `description` (the scenario spec: "explanation shown in the app"),
 * else nothing; and nothing once the user closed it for this document. Pure.
 */
import type { SampleScenario } from './samples';

/** What the panel shows: a sample's lesson, the scenario's own description, or nothing (`undefined`). */
export type LessonShown =
  | {
      readonly kind: 'sample';
      readonly sample: SampleScenario;
      /** The open document's description: the sample's own text until the user edits it. */
      readonly description: string;
    }
  | { readonly kind: 'own'; readonly name: string; readonly description: string }
  | undefined;

/** What decides it: the open document, the sample opened last (and as which document), the document the user closed the panel for. */
export interface LessonInputs {
  /** The open document's value (`undefined`: none open). */
  readonly raw: Readonly<Record<string, unknown>> | undefined;
  /** The open document's generation (`ScenarioDoc.generation`: one more per scenario opened). */
  readonly generation: number;
  /** The sample opened last from Start, and the generation it was opened as. */
  readonly sample?: { readonly sample: SampleScenario; readonly generation: number };
  /** The generation whose lesson the user closed (-1: none). */
  readonly closedGeneration: number;
}

/** The name an own lesson shows for a scenario without one. */
export const UNTITLED = 'Untitled scenario';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The lesson to show (see the module comment): a sample's only while the document is the one it
 * was opened as; a description only when it has more than white space (a non-string one, a
 * problem the Scenario form shows, shows nothing).
 */
export function lessonShown({ raw, generation, sample, closedGeneration }: LessonInputs): LessonShown {
  if (!raw || closedGeneration === generation) return undefined;
  const description = text(raw.description);
  if (sample && sample.generation === generation) return { kind: 'sample', sample: sample.sample, description };
  if (description.trim() === '') return undefined;
  return { kind: 'own', name: text(raw.name).trim() || UNTITLED, description };
}
