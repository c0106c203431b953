/**
 * The live regions of the page as a screen reader meets them, read from the DOM by the ARIA rules:
 * an element is a live region by its aria-live, else by its role (alert, status, log; an <output>
 * is a status); the nearest such setting decides, so aria-live="off" inside a region silences its
 * part, and a region inside another speaks on its own. Each region's text is what it would say.
 */
import type { Page } from '@playwright/test';

/** A live region (aria-live other than off) and the text it would say, spaces collapsed. */
export interface LiveRegion {
  readonly id: string;
  readonly role: string;
  readonly label: string;
  readonly text: string;
}

/** Every live region of the page with the text it would say (hidden parts left out). */
export function liveRegions(page: Page): Promise<LiveRegion[]> {
  return page.evaluate(() => {
    const IMPLICIT: Record<string, string> = { alert: 'assertive', status: 'polite', log: 'polite' };
    const liveness = (el: Element): string | undefined =>
      el.getAttribute('aria-live') ?? IMPLICIT[el.getAttribute('role') ?? (el.tagName === 'OUTPUT' ? 'status' : '')];
    const hidden = (el: Element): boolean => el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden');
    /** The text `node` says as part of its region: children with a live setting of their own are not part of it. */
    const said = (node: Node): string => {
      let text = '';
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
        else if (child instanceof Element && !hidden(child) && liveness(child) === undefined) text += said(child);
      }
      return text;
    };
    return Array.from(document.querySelectorAll('*'))
      .filter((el) => { const live = liveness(el); return live !== undefined && live !== 'off' && !hidden(el); })
      .map((el) => ({ id: el.id, role: el.getAttribute('role') ?? '', label: el.getAttribute('aria-label') ?? '', text: said(el).replace(/\s+/g, ' ').trim() }));
  });
}

/** The live regions whose words include `words` (spaces collapsed, no-break spaces as spaces). */
export async function liveRegionsSaying(page: Page, words: string): Promise<LiveRegion[]> {
  const wanted = words.replace(/\s+/g, ' ').trim();
  return (await liveRegions(page)).filter((r) => r.text.includes(wanted));
}

/**
 * Keeps, in the page, every text the app's announcer (#announcer) takes from now on (call before
 * `page.goto`); {@link announcements} reads them. A text is kept as said (its no-break space, which
 * tells a repeat apart, as a space).
 */
export async function recordAnnouncements(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const said: string[] = ((globalThis as unknown as { announced: string[] }).announced = []);
    let watched: Element | null = null;
    const watch = () => {
      const region = document.getElementById('announcer');
      if (!region || region === watched) return;
      watched = region;
      new MutationObserver(() => {
        const text = (region.textContent ?? '').replace(/\u00a0/g, ' ').trim();
        if (text) said.push(text);
      }).observe(region, { subtree: true, childList: true, characterData: true });
    };
    new MutationObserver(watch).observe(document, { subtree: true, childList: true });
  });
}

/** What the announcer said since the page loaded (see {@link recordAnnouncements}), in order. */
export function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(globalThis as unknown as { announced: string[] }).announced]);
}
