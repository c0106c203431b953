/**
 * Progress said aloud at coarse steps, not at each change of the line on screen (a big run
 * updates it dozens of times a second): each `every` percent of a phase, and each new phase.
 * Pure: it counts steps, never reads the clock.
 */
export class CoarseProgress {
  /** The step said last (undefined: nothing said since the start or the last reset). */
  private last: string | undefined;

  constructor(private readonly every = 10) {}

  /** `percent` rounded down to the step (0, 10, 20… for steps of 10). */
  step(percent: number): number {
    return Math.floor(Math.max(0, Math.min(100, percent)) / this.every) * this.every;
  }

  /**
   * Whether the progress `percent` (undefined: a phase without a percent) of `phase` is another
   * step than the one said last; it is then the step said last.
   */
  passed(phase: string, percent: number | undefined): boolean {
    const at = `${phase}\u0000${percent === undefined ? '' : this.step(percent)}`;
    if (at === this.last) return false;
    this.last = at;
    return true;
  }

  /** The work ended: the next progress is said from its start. */
  reset(): void {
    this.last = undefined;
  }
}
