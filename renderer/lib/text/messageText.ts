/**
 * A message as the app shows it: plain text with `backtick` spans, which messages use for names
 * of code (`at`, `purestream run`). Split into runs that a component renders as text nodes and
 * <code> elements, so nothing in a message is ever read as HTML. Pure.
 */

/** A run of a message: plain text, or a code span (without its backticks). */
export interface MessageRun {
  readonly code: boolean;
  readonly text: string;
}

/** The runs of `text`: each `…` pair (on one line, not empty) a code span; an unpaired backtick stays as text. */
export function messageRuns(text: string): MessageRun[] {
  const out: MessageRun[] = [];
  let last = 0;
  for (const m of text.matchAll(/`([^`\n]+)`/g)) {
    if (m.index > last) out.push({ code: false, text: text.slice(last, m.index) });
    out.push({ code: true, text: m[1] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ code: false, text: text.slice(last) });
  return out;
}
