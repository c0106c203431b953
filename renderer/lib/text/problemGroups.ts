/**
 * Problems as a reader takes them in: the same message said of many records once, with how
 * many and where ("6 records: unknown event type … (lines 2, 3, 5, …)"; the grouping is
 * src/logs/problemGroups, shared with the command line), and a message of
 * several lines as a lead and one item per line, so a long list wraps instead of running on
 * as one block. Pure.
 */

import { groupProblems, lineList } from '../../../src/logs/problemGroups';

/** `NAME:LINE: message`, as a refused log names each record's problem. */
const PLACED = /^(.*?):(\d+): (.+)$/;

/**
 * A message of several lines to show: its first line as the lead, each further line an item.
 * Items that name a record (`file:LINE: message`) and share their message become one
 * ("6 records: message (lines 2, 3, 5, …)"); other repeated items are shown once with a count.
 */
export function problemItems(text: string): { readonly lead: string; readonly items: readonly string[] } {
  const [lead, ...rest] = text.split('\n');
  const placed = rest.map((line) => {
    const m = PLACED.exec(line);
    return m ? { message: m[3], line: Number(m[2]) } : { message: line, line: undefined };
  });
  const items = groupProblems(
    placed.filter((p) => p.message.trim() !== ''),
    (p) => `${p.line === undefined ? 'text' : 'record'}\u0000${p.message}`,
  ).map(({ message, members }) => {
    const lines = members.flatMap((m) => (m.line === undefined ? [] : [m.line]));
    if (lines.length === 0) return members.length === 1 ? message : `${message} (×${members.length})`;
    return lines.length === 1 ? `${lineList(lines)}: ${message}` : `${lines.length} records: ${message} (${lineList(lines)})`;
  });
  return { lead, items };
}
