/**
 * How a report names a record's place: a file's records are on lines; a live source's are
 * numbered in the order read — the rows of a store (`framing: 'rows'`), the messages of a broker
 * (`'messages'`) — and have no lines (sources.md). Where an entry knows the record's global
 * position, a live source's place is that position instead, named as the source names it
 * (`seq_id 1169`, `global_position 44`, `sequence 83`, `offset 41 of orders-0`): a place that can
 * be looked up in the store or broker, where a count of the read cannot. Pure.
 */
export function placeWord(framing: string): 'line' | 'row' | 'message' {
  return framing === 'rows' ? 'row' : framing === 'messages' ? 'message' : 'line';
}

/**
 * What a global position is called in places, from the pointer it was read through (a report's
 * `fieldsUsed.globalPosition`, or a profile's): the pointer's last member (`seq_id`,
 * `global_position`, `offset`), a JetStream message's `/seq` as `sequence`; undefined without one.
 */
export function positionName(pointer: string | null | undefined): string | undefined {
  if (!pointer) return undefined;
  const name = pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
  if (name === '' || !/^[\w.-]+$/.test(name)) return undefined;
  return name === 'seq' ? 'sequence' : name;
}

/** `on line 1`, `on message 3` (a record counted in the read), `at offset 0 of orders-1` (a position in a store or broker). */
export const onPlace = (where: string): string => `${/^(line|row|message) /.test(where) ? 'on' : 'at'} ${where}`;

/** What a place can say of its record: its number in the read (`line`), and its global position and producer scope where known. */
export interface PlacedEntry {
  readonly line: number;
  readonly globalPosition?: string;
  readonly source?: string;
}

/** One position as a place lists it: a Kafka offset with its partition (`41 of orders-0`), as offsets are per partition. */
const positionText = (name: string, e: PlacedEntry): string => `${e.globalPosition}${name === 'offset' && e.source !== undefined ? ` of ${e.source}` : ''}`;

/**
 * The place of one entry: a file's `line N`; a live source's global position named `name`
 * (see {@link positionName}) when the entry has one, else its number in the read (`row N`).
 */
export function placeText(framing: string, name: string | undefined, e: PlacedEntry): string {
  const word = placeWord(framing);
  if (word === 'line' || name === undefined || e.globalPosition === undefined) return `${word} ${e.line}`;
  return `${name} ${positionText(name, e)}`;
}

/**
 * The places of several entries as a word and one text per entry (`seq_id` and `3`, `4`, `6`;
 * `lines` and `3`, `4`): positions when every entry has one, as {@link placeText}; numbers in
 * the read otherwise. What {@link placeList} joins, and what a view links one by one.
 */
export function placeItems(framing: string, name: string | undefined, entries: readonly PlacedEntry[]): { readonly word: string; readonly items: readonly string[] } {
  const word = placeWord(framing);
  if (word !== 'line' && name !== undefined && entries.every((e) => e.globalPosition !== undefined)) return { word: name, items: entries.map((e) => positionText(name, e)) };
  return { word: `${word}s`, items: entries.map((e) => String(e.line)) };
}

/** The places of several entries, the first `max` (`seq_id 3, 4, 6`; `lines 3, 4, …`): positions when every entry has one, as {@link placeText}. */
export function placeList(framing: string, name: string | undefined, entries: readonly PlacedEntry[], max = 8): string {
  if (entries.length === 1) return placeText(framing, name, entries[0]);
  const { word, items } = placeItems(framing, name, entries.slice(0, max));
  return `${word} ${items.join(', ')}${entries.length > max ? ', …' : ''}`;
}

/** What a report names places by: how it was framed, and the pointer its global positions were read through. */
export interface PlacedReport {
  readonly framing: string;
  readonly fieldsUsed: Readonly<Record<string, string | null>>;
}

/** A report's way of naming places, as the CLI's text and the Logs view both say them. */
export interface Placer {
  /** What its records' places are called, as a column heads them: `line`, `sequence`, `offset`, `seq_id`; `row` or `message` (a live source's number in the read) without a position. */
  readonly word: string;
  /** Whether {@link word} names a global position (a live source's `sequence`, `offset`, `seq_id`), not a number in the read or a file's line. */
  readonly positions: boolean;
  /** One entry's place (`line 12`, `sequence 83`, `offset 41 of orders-0`). */
  one(e: PlacedEntry): string;
  /** Several entries' places (`seq_id 3, 4, 6`). */
  many(es: readonly PlacedEntry[]): string;
  /** Several entries' places, as a word and one text each (see {@link placeItems}). */
  items(es: readonly PlacedEntry[]): { readonly word: string; readonly items: readonly string[] };
  /** One entry's place under {@link word} (`12`, `83`, `41 of orders-0`), or undefined when it has no such place (a live source's record without a position). */
  value(e: PlacedEntry): string | undefined;
}

/**
 * How a report names places: a file's lines; a live source's records by their global position
 * in the store or broker (`seq_id 1169`), named after the pointer it was read through, where an
 * entry has one.
 */
export function placer(r: PlacedReport): Placer {
  const at = placeWord(r.framing);
  const name = at === 'line' ? undefined : positionName(r.fieldsUsed.globalPosition);
  return {
    word: name ?? at,
    positions: name !== undefined,
    one: (e) => placeText(r.framing, name, e),
    many: (es) => placeList(r.framing, name, es),
    items: (es) => placeItems(r.framing, name, es),
    value: (e) => (name === undefined ? String(e.line) : e.globalPosition !== undefined ? positionText(name, e) : undefined),
  };
}
