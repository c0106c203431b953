/**
 * The Logs view's dialogs are modal for keyboard users (modalDialog): Mapping and Connect take the
 * focus to their first useful field, Tab and Shift+Tab go round inside, Escape cancels (Connect's
 * not while it connects, so its failure is said in it) and the focus goes back to the control
 * that opened them.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';

const fixture = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

async function openLogs(page: Page) {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Logs' }).click();
  return page.getByRole('region', { name: 'Logs', exact: true });
}

test('the Mapping dialog keeps the focus: on the profile when it opens, round its controls both ways, back on Mapping… after Escape and Cancel', async ({ page }) => {
  const logs = await openLogs(page);
  await logs.getByLabel('Log file').setInputFiles(fixture('test/fixtures/logs/acme-orders.ndjson'));
  await expect(logs.getByRole('status')).toContainText('4 events', { timeout: 20_000 });
  const opener = logs.getByRole('button', { name: /^Mapping/ });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Mapping' });
  const profile = dialog.getByRole('combobox', { name: 'Profile of the map' });
  const close = dialog.getByRole('button', { name: 'Close' });
  const apply = dialog.getByRole('button', { name: 'Apply and inspect' });
  await expect(profile).toBeFocused();
  // Shift+Tab from the first field to the Close button, then round to the last control; Tab back round
  await page.keyboard.press('Shift+Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(apply).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  // a map that is no map turns Apply off: Tab from Cancel, now the last control, goes round too
  await dialog.getByLabel('Type renames').fill('no equals sign');
  await expect(apply).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // opened again: the map the log is read with (the draft was cancelled), and Cancel gives the focus back too
  await page.keyboard.press('Enter');
  await expect(profile).toBeFocused();
  await expect(dialog.getByLabel('Type renames')).toHaveValue('');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

/** A TCP server that accepts connections and never answers: a WebSocket to it stays connecting until `drop` closes them. */
function silentServer(): Promise<{ readonly server: Server; readonly port: number; drop(): void }> {
  const sockets: Socket[] = [];
  const server = createServer((s) => sockets.push(s));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0, drop: () => sockets.forEach((s) => s.destroy()) });
    }),
  );
}

test('the Connect dialog keeps the focus: on the URL when it opens, round its controls both ways; Escape waits while it connects, then cancels back to Connect…', async ({ page }) => {
  const silent = await silentServer();
  try {
    const logs = await openLogs(page);
    const opener = logs.getByRole('button', { name: 'Connect…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Connect to a live store or stream' });
    const url = dialog.getByRole('textbox', { name: 'URL' });
    const close = dialog.getByRole('button', { name: 'Close' });
    const connect = dialog.getByRole('button', { name: 'Connect', exact: true });
    await expect(url).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(close).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(connect).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(close).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    // connecting: Escape does not close it (nor lose the answer), and Tab stays in it with Connect off
    await page.keyboard.press('Enter');
    await expect(url).toBeFocused();
    await url.fill(`ws://127.0.0.1:${silent.port}/SHOP`);
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Connecting…' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Tab');
    await expect(close).toBeFocused();
    // the connection fails: said in the dialog, still open; now Escape cancels
    silent.drop();
    await expect(dialog.getByRole('alert')).toContainText(`ws://127.0.0.1:${silent.port}/SHOP`, { timeout: 20_000 });
    await expect(connect).toBeEnabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  } finally {
    silent.server.close();
  }
});
