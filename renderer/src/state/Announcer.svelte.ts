/**
 * The app's one announcer: what a screen reader should hear of a result that appears away from
 * the focus (a Save, a module loaded, a log's headline, a run's progress at coarse steps). The
 * live region (components/Announcer) is in the page from the start, so every change of its text
 * is spoken; saying the same words again changes it too.
 */
export class Announcer {
  /** The words the live region holds now. */
  text = $state.raw('');
  /** How many times something was said (the same words twice are told apart by it). */
  private said = 0;

  /** Says `words` politely (after what is being read). */
  say(words: string): void {
    this.said += 1;
    // a no-break space every other time: the same sentence twice is still a change of the region's text
    this.text = this.said % 2 === 0 ? `${words}\u00a0` : words;
  }
}

/** The announcer of the page (one live region for the whole app). */
export const announcer = new Announcer();
