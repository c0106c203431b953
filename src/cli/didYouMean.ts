/**
 * The command a mistyped one most likely meant (`inpsect` → `inspect`): the scenario checks'
 * own `closest` (edit distance at most 2), for names of three characters or more (a shorter one
 * is within two edits of too much to guess). Loaded only when a command is unknown. Pure.
 */
import { closest } from '../engine/scenario/check';

/** The name of `known` that `typed` most likely meant, or undefined. */
export const didYouMean = (typed: string, known: readonly string[]): string | undefined => (typed.length >= 3 ? closest(typed, known) : undefined);
