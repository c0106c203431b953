/** A domain module the Logs view's tests read logs with (a library: books added, lent and returned), and opening a module in the Domains view. */
import { expect, type Locator, type Page } from '@playwright/test';
import { views } from './flows';

/** A library as a domain module: books are added, lent and returned; a book is lent to one member at a time. */
export const LIBRARY = `const streamOf = (event) => 'book:' + event.data.bookId;
const id = { type: 'string', minLength: 1 };
export default {
  id: 'library',
  title: 'Library',
  commandSchemas: { Lend: { type: 'object', properties: { bookId: id, member: id }, required: ['bookId', 'member'] } },
  eventSchemas: {
    BookAdded: { type: 'object', properties: { bookId: id }, required: ['bookId'] },
    BookLent: { type: 'object', properties: { bookId: id, member: id }, required: ['bookId', 'member'] },
    BookReturned: { type: 'object', properties: { bookId: id }, required: ['bookId'] },
  },
  decide(command, view) {
    const book = view.get('book:' + command.data.bookId);
    if (!book) return { type: 'rejected', rejection: { code: 'unknown-book', message: 'no book ' + command.data.bookId } };
    if (book.lentTo.length > 0) return { type: 'rejected', rejection: { code: 'on-loan', message: command.data.bookId + ' is lent to ' + book.lentTo[0] } };
    return { type: 'accepted', events: [{ type: 'BookLent', data: command.data }] };
  },
  evolve(book, event) {
    switch (event.type) {
      case 'BookAdded': return { bookId: event.data.bookId, lentTo: [] };
      case 'BookLent': return { ...book, lentTo: [...book.lentTo, event.data.member] };
      case 'BookReturned': return { ...book, lentTo: book.lentTo.slice(1) };
    }
  },
  streamOf,
  invariants: [{ name: 'lent-once', description: 'a book is lent to one member at a time', violation: (stream, book) => (book.lentTo.length > 1 ? book.bookId + ' is lent to ' + book.lentTo.join(' and ') : undefined) }],
};
`;

export const moduleFile = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });

/** Opens a module in the Domains view and trusts it; resolves once its card is there. */
export async function openModule(page: Page, name: string, text: string, title: string): Promise<void> {
  await views(page).getByRole('button', { name: 'Domains' }).click();
  await page.getByLabel('Domain module file').first().setInputFiles(moduleFile(name, text));
  await page.getByRole('dialog', { name: `Run ${name}?` }).getByRole('button', { name: 'Trust and run' }).click();
  await expect(page.getByRole('region', { name: 'Domains' }).getByRole('article', { name: `Domain ${title}` }).filter({ hasText: name })).toBeVisible({ timeout: 30_000 });
}

/**
 * Opens the library module, then the Logs view with it as the domain, and connects to `url`
 * reading from `from` (the Connect… dialog's radio, e.g. `the head: what is there now`); returns
 * the Logs region and the dialog (hidden once connected, unless the connection failed).
 */
export async function connectWithLibrary(page: Page, url: string, from: string): Promise<{ logs: Locator; dialog: Locator }> {
  await page.goto('/');
  await openModule(page, 'library.ts', LIBRARY, 'Library');
  await views(page).getByRole('button', { name: 'Logs' }).click();
  const logs = page.getByRole('region', { name: 'Logs', exact: true });
  await logs.getByLabel('Domain').selectOption('library.ts');
  await logs.getByRole('button', { name: 'Connect…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect to a live store or stream' });
  await dialog.getByRole('textbox', { name: 'URL' }).fill(url);
  await dialog.getByRole('radio', { name: from }).check();
  await dialog.getByRole('button', { name: 'Connect' }).click();
  return { logs, dialog };
}
