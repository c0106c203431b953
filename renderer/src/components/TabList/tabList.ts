/**
 * A row of tabs as the ARIA tabs pattern has it, for any `role="tablist"` element: a Svelte
 * attachment (`{@attach tabList}`). One Tab stop, the selected tab (roving tabindex, kept as the
 * selection changes); Left/Right, Home and End move the focus to another tab and select it
 * (a click, so each tab row keeps its own handler); disabled tabs are passed over.
 */
import { tabAfterKey } from '../../../lib/tabKeys';

const tabsOf = (list: HTMLElement): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('[role="tab"]')].filter((t) => t.closest('[role="tablist"]') === list);
const isDisabled = (t: HTMLElement): boolean => (t as HTMLButtonElement).disabled || t.getAttribute('aria-disabled') === 'true';

/** The selected tab takes the Tab stop (the first enabled one when none is selected). */
function rove(list: HTMLElement): void {
  const tabs = tabsOf(list);
  const stop = tabs.find((t) => t.getAttribute('aria-selected') === 'true' && !isDisabled(t)) ?? tabs.find((t) => !isDisabled(t));
  for (const t of tabs) {
    const index = t === stop ? '0' : '-1';
    if (t.getAttribute('tabindex') !== index) t.setAttribute('tabindex', index);
  }
}

export function tabList(list: HTMLElement): () => void {
  const onKey = (e: KeyboardEvent): void => {
    const tabs = tabsOf(list);
    const current = tabs.indexOf(e.target as HTMLElement);
    if (current < 0) return;
    const next = tabAfterKey(e.key, current, tabs.map((t) => !isDisabled(t)));
    if (next === undefined) return;
    e.preventDefault();
    if (next === current) return;
    tabs[next].focus();
    tabs[next].click();
  };
  rove(list);
  const watch = new MutationObserver(() => rove(list));
  watch.observe(list, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-selected', 'disabled', 'aria-disabled'] });
  list.addEventListener('keydown', onKey);
  return () => {
    watch.disconnect();
    list.removeEventListener('keydown', onKey);
  };
}
