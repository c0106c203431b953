/** What the Logs view's "In the workspace" list says of a stored log: what its inspection read, in one sense for every log. Pure. */
import { counted } from '../../../src/engine/report/counted';
import type { LogTally } from '../../../src/store/logs';

/** "8 events · 1 malformed": the records read as events (a header or a line that is not JSON is not one) and those that could not be read; the stored record count when no inspection was kept. */
export function storedLogLabel(records: number, tally: LogTally | undefined): string {
  if (!tally) return `${counted(records, 'record')} stored`;
  const parts = [counted(tally.events, 'event')];
  if (tally.commands > 0) parts.push(counted(tally.commands, 'command'));
  if (tally.malformed > 0) parts.push(`${tally.malformed.toLocaleString('en-US')}${tally.more ? '+' : ''} malformed`);
  return parts.join(' · ');
}
