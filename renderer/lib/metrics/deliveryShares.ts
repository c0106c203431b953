/**
 * Which consumers a run's Deliveries counts, and how many attempts each made: the report's
 * `deliveries` is every consumer's enactment attempts (cli-and-reports.md, "Run report"), the
 * state store included — the default one the engine adds to a run that lists none (scenario.md)
 * too, which no consumer list of the scenario names. Pure.
 */
import { withStateStore } from '../../../src/engine/sim/consumers';
import type { ConsumerConfig } from '../../../src/engine/types';

/** One consumer's share of a run's deliveries. */
export interface DeliveryShare {
  readonly name: string;
  /** Its interpreter (`notifier`, `state-store`, ...); undefined when the scenario is not known. */
  readonly interpreter?: string;
  readonly attempts: number;
  /** The default state store the engine added (the run lists no `state-store`). */
  readonly added: boolean;
}

/**
 * The consumers of a run in lane order (the added state store first), each with its attempts
 * (`attempts`: by consumer name, as RunOverview.consumerAttempts); `listed`: the run's consumers
 * as its scenario lists them, undefined when the scenario is not known (then the consumers that
 * attempted, in the order they first did).
 */
export function deliveryShares(listed: readonly ConsumerConfig[] | undefined, attempts: readonly (readonly [string, number])[]): DeliveryShare[] {
  const counts = new Map(attempts);
  if (!listed) return attempts.map(([name, n]) => ({ name, attempts: n, added: false }));
  const { configs, added } = withStateStore(listed);
  return configs.map((c) => ({ name: c.name, interpreter: c.interpreter, attempts: counts.get(c.name) ?? 0, added: c === added }));
}

/** What a consumer is, in a sentence's words: "notifier", or "state store added by the engine". */
const kind = (s: DeliveryShare): string => (s.added ? 'state store added by the engine' : s.interpreter === 'state-store' ? 'state store' : (s.interpreter ?? ''));

/** One run's Deliveries as a sum of its consumers' attempts: "593 = 342 by state (notifier) + 251 by state-store (state store added by the engine)". */
export function deliveriesText(shares: readonly DeliveryShare[]): string {
  const total = shares.reduce((n, s) => n + s.attempts, 0).toLocaleString('en-US');
  const parts = shares.map((s) => `${s.attempts.toLocaleString('en-US')} by ${s.name}${kind(s) ? ` (${kind(s)})` : ''}`);
  return shares.length === 1 ? `${parts[0]}` : `${total} = ${parts.join(' + ')}`;
}

/** Whether a run's Deliveries counts a consumer its scenario does not list beside ones it does: the case to say so next to the table. */
export const countsUnlisted = (shares: readonly DeliveryShare[]): boolean => shares.some((s) => s.added) && shares.some((s) => !s.added);
