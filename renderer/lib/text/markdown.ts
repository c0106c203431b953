/**
 * A tiny Markdown reader for scenario descriptions (scenario.md: "explanation shown in the app";
 * a sample's lesson, or a user's own): `#` headings, paragraphs, bullet and numbered lists, and
 * inline **bold**, *em* and `code`. It returns plain data that components render as text nodes
 * (LessonPanel's Markdown.svelte), or that {@link markdownHtml} writes as HTML with every text
 * escaped: nothing of the source is ever taken as HTML. Pure.
 */
import { escapeXml } from './escapeXml';

/** A run of inline text with its style. */
export interface Inline {
  readonly kind: 'text' | 'strong' | 'em' | 'code';
  readonly text: string;
}

/** A block: a heading (level 1 for `#` to 6 for `######`), a paragraph of inlines, or a list whose items are inlines. */
export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly inlines: readonly Inline[] }
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] };

/** An ATX heading: 1 to 6 `#`, a space, its text, optional closing `#`s (CommonMark). */
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const BULLET = /^\s*(?:[-*+]|(\d+)[.)])\s+(.*)$/;
const INLINE = /(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/g;

/** Splits a line of text into styled runs; unmatched markers stay as text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    const token = m[0];
    if (token.startsWith('`')) out.push({ kind: 'code', text: token.slice(1, -1) });
    else if (token.startsWith('**')) out.push({ kind: 'strong', text: token.slice(2, -2) });
    else out.push({ kind: 'em', text: token.slice(1, -1) });
    last = m.index + token.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** Parses Markdown text into blocks (blank lines separate paragraphs; `#` starts a one-line heading; `-`, `*` or `1.` start list items). */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const flush = (): void => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    paragraph = [];
    list = undefined;
  };
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    const bullet = BULLET.exec(raw);
    const heading = HEADING.exec(raw);
    if (line === '') flush();
    else if (heading) {
      flush();
      // an empty `#` (as typed before its text) shows nothing rather than an empty heading
      if (heading[2]) blocks.push({ kind: 'heading', level: heading[1].length, inlines: parseInline(heading[2]) });
    } else if (bullet) {
      const ordered = bullet[1] !== undefined;
      if (!list || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push(bullet[2].trim());
    } else if (list) list.items[list.items.length - 1] += ` ${line}`;
    else paragraph.push(line);
  }
  flush();
  return blocks;
}

/** Styled runs as HTML: each run's text escaped, inside the tag its kind names (`strong`, `em`, `code`). */
const inlineHtml = (inlines: readonly Inline[]): string => inlines.map((r) => (r.kind === 'text' ? escapeXml(r.text) : `<${r.kind}>${escapeXml(r.text)}</${r.kind}>`)).join('');

/**
 * Markdown text as HTML (for a standalone page: the exported comparison): `<h2>`…`<h6>` (a `#`
 * heading one level below the page's `<h1>`), `<p>`, `<ul>`/`<ol>` of `<li>`, `<strong>`, `<em>`,
 * `<code>`; all text escaped.
 */
export function markdownHtml(source: string): string {
  return parseMarkdown(source)
    .map((b) => {
      if (b.kind === 'heading') return `<h${Math.min(6, b.level + 1)}>${inlineHtml(b.inlines)}</h${Math.min(6, b.level + 1)}>`;
      if (b.kind === 'paragraph') return `<p>${inlineHtml(b.inlines)}</p>`;
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`;
    })
    .join('\n');
}
