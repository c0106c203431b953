/** The one-line verdict the Logs view shows over an inspection: not understood, violations, anomalies, or healthy. Pure. */
import { counted } from '../../../src/engine/report/counted';
import { unlikeLog, whyNothingRead } from '../../../src/logs/nothingRead';
import type { InspectionSummary } from '../workspace/logsProtocol';

/** `bad`: nothing read as an event, or invariant violations; `warn`: anomalies, or records that may not be events; `ok`: none of those. */
export interface LogHealth {
  readonly tone: 'ok' | 'warn' | 'bad';
  /** What the pill says. */
  readonly label: 'healthy' | 'anomalies' | 'not understood' | 'violations' | 'not an event log?';
  readonly text: string;
}

/** The verdict on a report; a log of which nothing was understood is never healthy (logs.md, "In the app"). */
export function logHealth(report: InspectionSummary): LogHealth {
  const nothing = whyNothingRead(report, 'app');
  if (nothing !== undefined) return { tone: 'bad', label: 'not understood', text: `Nothing was read as an event: ${nothing}.` };
  const anomalies = report.anomalyCount ?? report.anomalies.length;
  const events = counted(report.events, 'event');
  if (report.violations.length > 0)
    return { tone: 'bad', label: 'violations', text: `${counted(report.violations.length, 'invariant violation')}${anomalies ? ` and ${counted(anomalies, 'anomaly', 'anomalies')}` : ''} in ${events}.` };
  if (anomalies > 0) return { tone: 'warn', label: 'anomalies', text: `${counted(anomalies, 'anomaly', 'anomalies')} in ${events}.` };
  const caution = unlikeLog(report, 'app');
  if (caution) return { tone: 'warn', label: 'not an event log?', text: `${events} read, but ${caution}.` };
  return { tone: 'ok', label: 'healthy', text: `${events} read: no anomalies${report.domain ? ', every invariant holds' : ''}.` };
}
