/**
 * The number a history step is shown with: steps are indexes from 0 in the reader, and counted
 * from 1 on screen, so the last of 209 enactments reads "step 209 of 209" in every view. Pure.
 */

/** The on-screen number of history step index `index` (0 → 1). */
export const stepNumber = (index: number): number => index + 1;
