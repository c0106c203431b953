/**
 * What a mistyped name most likely meant (`inpsect` → `inspect`, `emmet` → `emmett`): the
 * scenario checks' own `closest` (edit distance at most 2), for names of three characters or
 * more (a shorter one is within two edits of too much to guess). One rule for the command line's
 * commands and options, source URLs and the app's routes. Pure.
 */
import { closest } from '../scenario/check';

/** The name of `known` that `typed` most likely meant, or undefined. */
export const didYouMean = (typed: string, known: readonly string[]): string | undefined => (typed.length >= 3 ? closest(typed, known) : undefined);

/** `; did you mean "emmett"?` when `typed` is near one of `known`, else ''. */
export const didYouMeanText = (typed: string, known: readonly string[]): string => {
  const meant = didYouMean(typed, known);
  return meant === undefined ? '' : `; did you mean "${meant}"?`;
};
