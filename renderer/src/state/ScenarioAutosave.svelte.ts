/**
 * The open scenario, autosaved to IndexedDB as it changes and offered back after a reload or a
 * crash (the page starts with no scenario open and the last one waiting in `offer`). Whether its
 * runs' results were on screen is kept too: restoring then runs it again (`onRestored`), and a
 * seeded run gives the same results.
 */
import { clearScenarioAutosave, readScenarioAutosave, writeScenarioAutosave, type AutosavedScenario } from '../../lib/workspace/idbAutosave';
import type { ScenarioDoc } from './ScenarioDoc.svelte';

/** How long edits settle before they are written (typing writes once, not per key). */
const SETTLE_MS = 250;

/** Autosave of the open scenario, and the offer to restore the last one. */
export class ScenarioAutosave {
  /** The scenario autosaved by an earlier page, until the user restores or discards it or opens another. */
  offer = $state.raw<AutosavedScenario | undefined>(undefined);
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `onRestored` hears a restore, with whether the scenario's results were on screen and the stored scenario it was kept as (its name), if any. */
  constructor(
    private readonly doc: ScenarioDoc,
    private readonly onRestored: (ran: boolean, entry: string | undefined) => void = () => {},
  ) {
    if (typeof indexedDB !== 'undefined') void this.readOffer();
  }

  private async readOffer(): Promise<void> {
    const saved = await readScenarioAutosave();
    if (saved && !this.doc.raw) this.offer = saved;
  }

  /** Call when the document changes or a run ends (`ran`: its results are on screen): writes it (after edits settle); an open scenario replaces the offer. */
  changed(ran = false): void {
    const { raw, fileName, dirty, entry } = this.doc;
    if (!raw) return;
    this.offer = undefined;
    clearTimeout(this.timer);
    const kept = entry === undefined ? {} : { entry: entry.name };
    this.timer = setTimeout(() => void writeScenarioAutosave({ raw, fileName, dirty, savedAt: Date.now(), ran, ...kept }).catch(() => undefined), SETTLE_MS);
  }

  /** Opens the offered scenario as it was, unsaved changes included. */
  restore(): void {
    const offer = this.offer;
    if (!offer) return;
    this.offer = undefined;
    this.doc.load(offer.raw, offer.fileName, offer.dirty);
    this.onRestored(offer.ran === true, typeof offer.entry === 'string' ? offer.entry : undefined);
  }

  /** Forgets the offered scenario. */
  discard(): void {
    this.offer = undefined;
    void clearScenarioAutosave();
  }
}
