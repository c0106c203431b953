/**
 * A row of tabs as the ARIA tabs pattern has it, for any `role="tablist"` element: a Svelte
 * attachment (`{@attach tabList}`). One Tab stop, the selected tab (roving tabindex, kept as the
 * selection changes); Left/Right, Home and End move the focus to another tab and select it
 * (a click, so each tab row keeps its own handler); disabled tabs are passed over. A tablist
 * with `data-panel="<id>"` wires its tabs to that panel (aria-controls, role=tabpanel, named by the
 * selected tab).
 */
import { tabAfterKey } from '../../../lib/tabKeys';

const tabsOf = (list: HTMLElement): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('[role="tab"]')].filter((t) => t.closest('[role="tablist"]') === list);
const isDisabled = (t: HTMLElement): boolean => (t as HTMLButtonElement).disabled || t.getAttribute('aria-disabled') === 'true';

/** How many tabs were given an id here (an id of their own, unique in the page). */
let made = 0;
const setAttr = (el: Element, name: string, value: string): void => {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
};

/**
 * The selected tab takes the Tab stop (the first enabled one when none is selected). With
 * `data-panel` naming the id of the element the tabs show (one panel whatever the tab: a run's
 * graph, a part of the log), each tab controls it and it is a tabpanel named by the selected tab.
 */
function rove(list: HTMLElement): void {
  const tabs = tabsOf(list);
  const stop = tabs.find((t) => t.getAttribute('aria-selected') === 'true' && !isDisabled(t)) ?? tabs.find((t) => !isDisabled(t));
  for (const t of tabs) setAttr(t, 'tabindex', t === stop ? '0' : '-1');
  const panelId = list.dataset.panel;
  if (!panelId) return;
  for (const t of tabs) {
    if (!t.id) t.id = `tab-${++made}`;
    setAttr(t, 'aria-controls', panelId);
  }
  const panel = document.getElementById(panelId);
  const selected = tabs.find((t) => t.getAttribute('aria-selected') === 'true');
  if (!panel) return;
  setAttr(panel, 'role', 'tabpanel');
  if (selected) setAttr(panel, 'aria-labelledby', selected.id);
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
