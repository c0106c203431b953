/** How the Logs view writes a decision drift entry's outcomes. Pure. */
import type { DriftOutcome } from '../../../src/logs/types';

/** A recorded or present outcome: its event types (`OrderShipped, StockReleased`), `nothing` for no event, or `rejected: <code>`. */
export const outcomeText = (o: DriftOutcome): string => (typeof o === 'string' ? o : o.length === 0 ? 'nothing' : o.join(', '));
