/**
 * Which of a domain's streams are replayed from an unknown state because they began before the
 * read — a file exported from the middle of a store, a source read `--from` a position, a time or
 * its end. Their invariants are not checked (a violation there would be of a state that lacks the
 * earlier events, not of the log) and their commands not decided again; a module's `evolve` that
 * cannot fold their events leaves them out of the replay instead of stopping it (./domainCheck).
 *
 * A domain stream's state is unknown from the first event folded into it that
 * - comes from a log stream that began before the read: the log stream's first event here is past
 *   the store's first revision (logs.md's stream revisions: Marten and Emmett count from 1,
 *   KurrentDB and Message DB from 0), or — in a read that began after the log's start — the log
 *   gives it no revision to show it starts here;
 * - or, in a read that began after the log's start, comes from a log stream the domain's stream
 *   neither is nor names (`order:<id>` names the log's `<id>`, `payment:<id>` the log's
 *   `payment-<id>` or `payment/<id>`): the domain gathers several log streams into it (`stock:<sku>` from every
 *   order's stream), and those read before are missing.
 * A read resumed from a checkpoint knows the streams it carries (see `carry`), and — when the chain
 * of reads began at the source's start — that every other stream began in it.
 * Pure; costs nothing in a full read of a log whose profile has no revisions by contract.
 */
import { compareDecimal, isDecimal, normalizeDecimal } from './json/decimal';

/** Why a stream's state is unknown, for the note (`carried`: a checkpoint the read resumed from said so, ./carriedState). */
type Reason = { readonly kind: 'revision'; readonly logStream: string; readonly position: string } | { readonly kind: 'read' } | { readonly kind: 'gathered'; readonly logStream: string } | { readonly kind: 'carried' };

/** The first stream found to begin before the read. */
export interface FirstBefore {
  readonly stream: string;
  /** Where it was found, as messages name a place (`row 1 (position 1101)`). */
  readonly place: string;
  readonly reason: Reason;
}

const WORD = /[0-9A-Za-z_]/;

/**
 * Whether the domain's `stream` is the log's stream or names it as a whole word (`order:<id>` for
 * `<id>`; `acme/order:<id>` for a tenant's `acme/<id>`), or is `<type>:<id>` for a stream named
 * `category-id` (Message DB's and Emmett's convention, KurrentDB's too: the id is what follows the
 * first `-`) or `category/id` (a homegrown engine's `order/o-20`: the id follows the first `/`)
 * whose category is the type or ends with it: `payment:pay-21` for `payment-pay-21`, `cart:c-2`
 * for `shopping_cart-c-2`, `order:o-20` for `order/o-20`.
 */
export function names(stream: string, logStream: string): boolean {
  if (stream === logStream) return true;
  const slash = logStream.indexOf('/');
  if (slash > 0 && stream.startsWith(logStream.slice(0, slash + 1))) return names(stream.slice(slash + 1), logStream.slice(slash + 1));
  if (containsWord(stream, logStream)) return true;
  // the domain's `<type>:<id>` for the store's `<category>-<id>` or `<category>/<id>` (a tenant's stream was matched above: `acme/<id>` has no
  // category `acme` of a type `order`), the type being the category or its last word (`cart` for `shopping_cart`): `stock:7` does not name `order-7`
  const split = slash >= 0 ? slash : logStream.indexOf('-');
  if (split <= 0) return false;
  const id = logStream.slice(split + 1);
  const colon = stream.length - id.length - 1;
  if (id.length === 0 || colon <= 0 || !stream.endsWith(id) || stream[colon] !== ':') return false;
  const type = letters(stream.slice(0, colon));
  const category = letters(logStream.slice(0, split));
  return type.length > 0 && (category.endsWith(type) || type.endsWith(category));
}

/** `text` in lowercase letters and digits only (`Shopping_Cart` → `shoppingcart`), to compare a domain's type with a store's category. */
const letters = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Whether `word` occurs in `text` with no letter, digit or `_` right before or after it. */
function containsWord(text: string, word: string): boolean {
  const i = text.indexOf(word);
  if (i < 0 || word.length === 0) return false;
  const before = i === 0 ? '' : text[i - 1];
  const after = text[i + word.length] ?? '';
  return !WORD.test(before) && !WORD.test(after);
}

/** The domain streams of one inspection that began before the read. */
export class StreamStarts {
  /** Per log stream met: why it began before the read, or null when it began here. */
  private readonly logStreams = new Map<string, Reason | null>();
  /** The domain's streams whose state is unknown. */
  private readonly unknown = new Set<string>();
  private firstFound: FirstBefore | undefined;
  /** A stream's first revision by the profile's contract (undefined: the log has none by contract). */
  private first: string | undefined;
  /** What a checkpoint the read resumed from carries (see `carry`). */
  private carried: { readonly known: ReadonlySet<string>; readonly unknown: ReadonlySet<string>; readonly fromStart: boolean } | undefined;

  constructor(
    /** The read began after the log's start (InspectorOptions.partial). */
    readonly partial: boolean,
  ) {}

  /** The profile's first stream revision ('0', '1'), once the profile is known; undefined when it has none by contract. */
  useFirstPosition(first: string | undefined): void {
    this.first = first;
  }

  /**
   * A read resumed from a checkpoint (./carriedState): the streams it carries a state of are
   * `known` (checked from that state, whatever their revisions) or `unknown` (unknown still, from
   * their first event here); with `fromStart` (the chain of reads began at the source's start) a
   * stream in neither began in this read, as every earlier event was read and none was its.
   */
  carry(known: ReadonlySet<string>, unknown: ReadonlySet<string>, fromStart: boolean): void {
    this.carried = { known, unknown, fromStart };
  }

  /** Every stream whose state is unknown at the end of the read: those a checkpoint carried as unknown, and those found here (for the next checkpoint). */
  unknownStreams(): string[] {
    const carried = this.carried?.unknown ?? new Set<string>();
    return [...carried, ...[...this.unknown].filter((s) => !carried.has(s))];
  }

  /** Whether a stream's first revision is known (the profile's contract or the map's `dense`). */
  get firstKnown(): boolean {
    return this.first !== undefined;
  }

  /** How many of the domain's streams began before the read. */
  get count(): number {
    return this.unknown.size;
  }

  /** The first of them, where it was found and why. */
  get firstBefore(): FirstBefore | undefined {
    return this.firstFound;
  }

  /** Whether `stream` began before the read. */
  has(stream: string): boolean {
    return this.unknown.size > 0 && this.unknown.has(stream);
  }

  /**
   * Takes the next event folded into the domain's `stream`, from the log's `logStream` at revision
   * `position` (either may be absent), found at `place`: true when the stream's state is unknown
   * from here on.
   */
  event(stream: string, logStream: string | undefined, position: string | undefined, place: () => string): boolean {
    if (this.has(stream)) return true;
    const carried = this.carried;
    if (carried !== undefined && !carried.unknown.has(stream) && (carried.fromStart || carried.known.has(stream))) return false;
    if (!this.partial && this.first === undefined && carried === undefined) return false;
    const reason = carried?.unknown.has(stream) ? ({ kind: 'carried' } as const) : this.reason(stream, logStream, position);
    if (reason === null) return false;
    this.unknown.add(stream);
    this.firstFound ??= { stream, place: place(), reason };
    return true;
  }

  /** Why the first stream began before the read, in words ("its first event here is revision 3 of the log's stream "…", past a stream's first (1)"). */
  reasonText(reason: Reason): string {
    switch (reason.kind) {
      case 'revision':
        return `its first event here is revision ${reason.position} of the log's stream ${JSON.stringify(reason.logStream)}, past a stream's first (${this.first ?? '?'})`;
      case 'carried':
        return 'the checkpoint the read resumed from holds its state as unknown (it began before the first read of the chain)';
      case 'gathered':
        return `the read began after the log's start, and the domain gathers this stream from several of the log's (this event from ${JSON.stringify(reason.logStream)})`;
      default:
        return "the read began after the log's start, and nothing in the log shows where a stream begins (no stream revisions); a read --from start checks them";
    }
  }

  private reason(stream: string, logStream: string | undefined, position: string | undefined): Reason | null {
    if (logStream === undefined) return this.partial ? { kind: 'read' } : null;
    let began = this.logStreams.get(logStream);
    if (began === undefined) {
      const known = position !== undefined && this.first !== undefined && isDecimal(position);
      began = known ? (compareDecimal(normalizeDecimal(position), this.first!) > 0 ? { kind: 'revision', logStream, position } : null) : this.partial ? { kind: 'read' } : null;
      this.logStreams.set(logStream, began);
    }
    if (began !== null) return began;
    return this.partial && !names(stream, logStream) ? { kind: 'gathered', logStream } : null;
  }
}
