/**
 * A consumer's delivery attempts as the badges of its card, worded to agree with the report
 * (Metrics and the CLI): every failed attempt is a delivery failure — the ones retried
 * (outcome `failed`), the last ones parked in the dead-letter queue (`parked`) or dropped
 * (`lost`) — so the failures badge is their sum, and the parts say what became of them. Pure.
 */
import { counted } from '../../../src/engine/report/counted';

/** One badge: its text, its tone, and what it counts (its tooltip). */
export interface OutcomeBadge {
  readonly text: string;
  readonly tone: 'ok' | 'warn' | 'bad';
  readonly title: string;
}

/** The badges of a consumer's attempt outcomes (counts by AttemptOutcome). */
export function outcomeBadges(outcomes: ReadonlyMap<string, number>): OutcomeBadge[] {
  const n = (o: string): number => outcomes.get(o) ?? 0;
  const fmt = (k: number): string => k.toLocaleString('en-US');
  const badges: OutcomeBadge[] = [];
  if (n('enacted') > 0) badges.push({ text: `${fmt(n('enacted'))} enacted`, tone: 'ok', title: 'Attempts that enacted their event' });
  const failures = n('failed') + n('parked') + n('lost');
  if (failures > 0) {
    const fates = [
      n('failed') > 0 ? `${fmt(n('failed'))} retried` : '',
      n('parked') > 0 ? `${fmt(n('parked'))} parked` : '',
      n('lost') > 0 ? `${fmt(n('lost'))} lost` : '',
    ].filter(Boolean);
    badges.push({
      text: `${counted(failures, 'failure')} (${fates.join(', ')})`,
      tone: n('parked') + n('lost') > 0 ? 'bad' : 'warn',
      title: 'Failed delivery attempts (Metrics: Delivery failures): each was retried, or parked in the dead-letter queue, or lost',
    });
  }
  if (n('duplicate') > 0)
    badges.push({ text: counted(n('duplicate'), 'duplicate delivery', 'duplicate deliveries'), tone: 'warn', title: 'Attempts that delivered an event again: a duplicate delivery, or one an idempotent consumer ignored' });
  return badges;
}
