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
