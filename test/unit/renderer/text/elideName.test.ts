import { describe, expect, it } from 'vitest';
import { elideName } from '../../../../renderer/lib/text/elideName';
import { LABEL_CHAR_PX, nodeLabel } from '../../../../renderer/lib/graph/nodeLabel';

describe('elideName', () => {
  it('keeps a name that fits as it is', () => {
    expect(elideName('BookLent', 8)).toBe('BookLent');
    expect(elideName('com.example.library.BookLent', 28)).toBe('com.example.library.BookLent');
  });

  it('drops the leading parts of a namespaced name, never its last, keeping as many parts as fit', () => {
    expect(elideName('com.example.library.BookLent', 20)).toBe('…library.BookLent');
    expect(elideName('com.example.library.BookLent', 26)).toBe('…example.library.BookLent');
    expect(elideName('com.example.library.BookLent', 10)).toBe('…BookLent');
    expect(elideName('com.example.library.BookLent ×5 more', 20)).toBe('…BookLent ×5 more');
    expect(elideName('/library/books/BookLent', 12)).toBe('…BookLent');
    expect(elideName('urn:library:BookLent', 12)).toBe('…BookLent');
    expect(elideName('book:tolkien-the-hobbit', 20)).toBe('…tolkien-the-hobbit');
  });

  it('cuts in the middle where the last part alone does not fit, or there are no parts', () => {
    expect(elideName('com.example.ABookWithAVeryLongName', 12)).toBe('ABook…ngName');
    expect(elideName('PlaceOrderForTheWholeWarehouse', 11)).toBe('Place…house');
    expect(elideName('x'.repeat(30), 9)).toHaveLength(9);
    expect(elideName('anything', 1)).toBe('…');
  });

  it('never splits a character or grapheme cluster', () => {
    const flags = '🇫🇷🇩🇪🇮🇹🇪🇸🇵🇹🇳🇱';
    const cut = elideName(flags, 9);
    expect(cut.length).toBeLessThanOrEqual(9);
    expect(cut).toMatch(/^(🇫🇷|🇩🇪)*…(🇵🇹|🇳🇱)*$/u);
  });
});

describe('nodeLabel', () => {
  const node = (label: string, labelTail?: string) => ({ label, ...(labelTail ? { labelTail } : {}) });

  it('shows a label whole until its room is measured, then shortened to the characters that fit', () => {
    expect(nodeLabel(node('com.example.library.BookLent'), 0)).toBe('com.example.library.BookLent');
    expect(nodeLabel(node('com.example.library.BookLent'), 20 * LABEL_CHAR_PX)).toBe('…library.BookLent');
    expect(nodeLabel(node('com.example.library.BookLent'), 28 * LABEL_CHAR_PX)).toBe('com.example.library.BookLent');
  });

  it('keeps a group of repeats\' count whole and shortens its type only (not "AddGallery…ge ×9 more")', () => {
    expect(nodeLabel(node('AddGalleryImage ×9 more', ' ×9 more'), 21 * LABEL_CHAR_PX)).toBe('AddGal…yImage ×9 more');
    expect(nodeLabel(node('com.example.library.BookLent ×12 more', ' ×12 more'), 22 * LABEL_CHAR_PX)).toBe('…BookLent ×12 more');
    expect(nodeLabel(node('AddGalleryImage ×9 more', ' ×9 more'), 23 * LABEL_CHAR_PX)).toBe('AddGalleryImage ×9 more');
    // no room for the type beside the count: the whole label is shortened as any other
    expect(nodeLabel(node('AddGalleryImage ×9 more', ' ×9 more'), 10 * LABEL_CHAR_PX)).toBe(elideName('AddGalleryImage ×9 more', 10));
  });

  it('keeps whole only the count the node carries, never a label that merely ends like one', () => {
    // a node whose own label reads like a count (a cause outside the view, say) is shortened as any other
    expect(nodeLabel(node('AddGalleryImage ×9 more'), 21 * LABEL_CHAR_PX)).toBe(elideName('AddGalleryImage ×9 more', 21));
  });
});
