/**
 * The `notifier` interpreter: a simulated side effect. Every event it enacts becomes one message
 * in its outbox; a small per-event-type template table says to whom and about what. Events the
 * table does not know get a generic message to their stream.
 */
import type { LogEntry } from '../types';
import type { EnactResult, Interpreter, InterpreterContext } from './interpreter';
import { alreadyEnacted, ENACTED } from './results';

/** One simulated message. `at` is the virtual time it was sent. */
export interface OutboxMessage {
  readonly eventSeq: number;
  readonly eventId: string;
  readonly type: string;
  readonly to: string;
  readonly subject: string;
  readonly at: number;
}

/** What a template reads: the event's data and the recipients learnt from earlier events. */
interface TemplateInput {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly data: any;
  /** A recipient remembered under a key (an order's customer, a profile's owner), if known. */
  recipientOf(key: string): string | undefined;
}
interface Template {
  /** A key and recipient this event teaches the notifier (e.g. an order's customer). */
  readonly learns?: (data: TemplateInput['data']) => readonly [key: string, recipient: string];
  readonly message: (input: TemplateInput) => { readonly to: string; readonly subject: string };
}

const customerOf = (input: TemplateInput, orderId: string) => input.recipientOf(`order:${orderId}`) ?? `customer of order ${orderId}`;
const ownerOf = (input: TemplateInput, profileId: string) => input.recipientOf(`profile:${profileId}`) ?? `owner of profile ${profileId}`;
const warehouse = (name: string) => `warehouse:${name}`;

/** Message templates by event type (both bundled domains; event type names do not collide). */
const TEMPLATES: Readonly<Record<string, Template>> = {
  ItemRestocked: { message: ({ data }) => ({ to: warehouse(data.warehouse), subject: `Restocked ${data.qty} × ${data.sku}` }) },
  OrderPlaced: {
    learns: (data) => [`order:${data.orderId}`, data.customerId],
    message: ({ data }) => ({ to: data.customerId, subject: `Order ${data.orderId} placed: ${data.qty} × ${data.sku}` }),
  },
  StockReserved: { message: ({ data }) => ({ to: warehouse(data.warehouse), subject: `Reserve ${data.qty} × ${data.sku} for order ${data.orderId}` }) },
  OrderCancelled: { message: (input) => ({ to: customerOf(input, input.data.orderId), subject: `Order ${input.data.orderId} cancelled` }) },
  StockReleased: { message: ({ data }) => ({ to: warehouse(data.warehouse), subject: `Release ${data.qty} × ${data.sku} from order ${data.orderId}` }) },
  OrderShipped: { message: (input) => ({ to: customerOf(input, input.data.orderId), subject: `Order ${input.data.orderId} shipped` }) },
  ProfileAdded: {
    learns: (data) => [`profile:${data.profileId}`, data.userId],
    message: ({ data }) => ({ to: data.userId, subject: `Welcome ${data.name.first}: profile ${data.profileId} created` }),
  },
  ProfileUpdated: { message: (input) => ({ to: ownerOf(input, input.data.profileId), subject: `Profile ${input.data.profileId} updated` }) },
  GalleryImageAdded: { message: (input) => ({ to: ownerOf(input, input.data.profileId), subject: `Image ${input.data.imageRef} added to your gallery` }) },
  GalleryImageRemoved: { message: (input) => ({ to: ownerOf(input, input.data.profileId), subject: `Image ${input.data.imageRef} removed from your gallery` }) },
};

/** Sends one simulated message per enacted event; `output()` is the outbox in sending order. */
export class Notifier implements Interpreter {
  readonly kind = 'notifier';
  private readonly outbox: OutboxMessage[] = [];
  private readonly recipients = new Map<string, string>();
  private readonly sentIds: Set<string> | undefined;

  constructor(idempotent = false) {
    this.sentIds = idempotent ? new Set() : undefined;
  }

  /** Records the event's message in the outbox (an idempotent notifier sends once per event id). */
  enact(event: LogEntry, now: number): EnactResult {
    if (this.sentIds?.has(event.id)) return alreadyEnacted(event.id);
    const { to, subject } = messageFor(event, (key) => this.recipients.get(key));
    const learnt = TEMPLATES[event.type]?.learns?.(event.data);
    if (learnt) this.recipients.set(learnt[0], learnt[1]);
    this.sentIds?.add(event.id);
    this.outbox.push({ eventSeq: event.seq, eventId: event.id, type: event.type, to, subject, at: now });
    return ENACTED;
  }

  /** The outbox, oldest first. */
  output(): readonly OutboxMessage[] {
    return this.outbox.slice();
  }
}

/** The recipient and subject of an event's message (generic for event types without a template). */
export function messageFor(event: LogEntry, recipientOf: (key: string) => string | undefined): { to: string; subject: string } {
  const template = TEMPLATES[event.type];
  if (!template) return { to: event.stream, subject: `${event.type} on ${event.stream}` };
  return template.message({ data: event.data, recipientOf });
}

/** Factory for the registry. */
export const createNotifier = (context: InterpreterContext): Notifier => new Notifier(context.idempotent);
