import { describe, expect, it } from 'vitest';
import { escapeControlLines, escapeControls, hasControls } from '../../../../src/engine/text/controlChars';
import { printable } from '../../../../src/cli/printable';

describe('escapeControls: the one rule the CLI and the app show text by', () => {
  it('writes C0, DEL, C1, the line separators and the bidirectional controls as \\uXXXX', () => {
    expect(escapeControls('evil\u202eTXE.exe')).toBe('evil\\u202eTXE.exe');
    expect(escapeControls('\u001b[31mred')).toBe('\\u001b[31mred');
    expect(escapeControls('a\nb\tc\u007f\u0085\u009b')).toBe('a\\u000ab\\u0009c\\u007f\\u0085\\u009b');
    expect(escapeControls('\u2028\u2029\u202a\u2066\u2069')).toBe('\\u2028\\u2029\\u202a\\u2066\\u2069');
  });

  it('leaves every other character as it is (accents, other scripts, emoji, the zero-width joiner)', () => {
    for (const text of ['café', 'Straße', 'Ωμέγα', '注文', '👩‍💻', 'order-1 · x']) expect(escapeControls(text)).toBe(text);
  });

  it('is what the CLI prints, but for the CLI cutting a long echo', () => {
    for (const text of ['evil\u202eTXE.exe', '\u001b]0;title\u0007', 'plain']) expect(printable(text)).toBe(escapeControls(text));
  });

  it('hasControls says whether there is one to escape, however often asked', () => {
    expect(hasControls('a\u001bb')).toBe(true);
    expect(hasControls('a\u001bb')).toBe(true);
    expect(hasControls('plain')).toBe(false);
  });
});

describe('escapeControlLines', () => {
  it("keeps a text's line breaks (and a CR before one) and escapes the rest on each line", () => {
    expect(escapeControlLines('{\n  "a": "\u202ex\u001b"\r\n}')).toBe('{\n  "a": "\\u202ex\\u001b"\r\n}');
  });
});
