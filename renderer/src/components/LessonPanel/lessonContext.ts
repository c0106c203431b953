/** The lesson state in Svelte context (provided by App.svelte). */
import { getContext, setContext } from 'svelte';
import type { Lesson } from './Lesson.svelte';

const KEY = Symbol('Lesson');

/** Provides the lesson state to the component tree. */
export const provideLesson = (lesson: Lesson): Lesson => setContext(KEY, lesson);

/** The lesson state; throws a clear message when App.svelte did not provide it. */
export function useLesson(): Lesson {
  const lesson = getContext<Lesson | undefined>(KEY);
  if (!lesson) throw new Error('no Lesson in context: App.svelte must provide it before this component is created');
  return lesson;
}
