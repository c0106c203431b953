/**
 * How a report names a record's place: a file's records are on lines; a live source's are
 * numbered in the order read — the rows of a store (`framing: 'rows'`), the messages of a broker
 * (`'messages'`) — and have no lines (sources.md). Pure.
 */
export function placeWord(framing: string): 'line' | 'row' | 'message' {
  return framing === 'rows' ? 'row' : framing === 'messages' ? 'message' : 'line';
}
