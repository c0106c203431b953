/**
 * `--from start|end|POSITION|TIME` (sources.md): where a read of a source starts. A POSITION is
 * what a read printed as its last position (the read resumes after it); its form depends on
 * the engine — Emmett `TRANSACTION:GLOBAL` (or a global position alone), Marten `seq_id`,
 * Message DB `global_position`, JetStream the stream sequence, Kafka `PARTITION:OFFSET,…`. A
 * TIME is an RFC 3339 time (`2026-01-01T00:00:00Z`). Pure.
 */
import { formatUtc, parseTimeText } from '../logs/json/logTime';
import type { SourceUrl } from './sourceUrl';
import type { StartAt } from './types';

const POSITION: Readonly<Record<string, { readonly pattern: RegExp; readonly form: string }>> = {
  emmett: { pattern: /^(\d{1,20}:)?\d{1,20}$/, form: 'TRANSACTION:GLOBAL_POSITION (or a global position)' },
  marten: { pattern: /^\d{1,20}$/, form: 'a seq_id' },
  'message-db': { pattern: /^\d{1,20}$/, form: 'a global_position' },
  nats: { pattern: /^\d{1,20}$/, form: 'a stream sequence' },
  kafka: { pattern: /^\d{1,9}:\d{1,20}(,\d{1,9}:\d{1,20})*$/, form: 'PARTITION:OFFSET[,PARTITION:OFFSET…]' },
};

/** The engine key positions are validated by. */
const engineOf = (source: SourceUrl): string => (source.kind === 'postgres' ? source.store : source.kind);

/** Reads `--from` for a source: the start, or a message saying what is expected. */
export function parseStartAt(text: string | undefined, source: SourceUrl): StartAt | string {
  if (text === undefined || text === 'start') return { kind: 'start' };
  if (text === 'end') return { kind: 'end' };
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const t = parseTimeText(text);
    if (!t) return `--from ${text}: not an RFC 3339 time (2026-01-01T00:00:00Z)`;
    return { kind: 'time', time: formatUtc(t), ms: t.ms };
  }
  const rule = POSITION[engineOf(source)];
  if (!rule.pattern.test(text)) return `--from takes start, end, a time or a position, for this source ${rule.form}; got "${text.slice(0, 60)}"`;
  return { kind: 'after', position: text };
}

/** A Kafka position as a partition → offset map (`0:41,1:17`). */
export function kafkaOffsets(position: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const part of position.split(',')) {
    const [p, o] = part.split(':');
    out.set(Number(p), o);
  }
  return out;
}

/** A Kafka position's text: partitions in order. */
export function kafkaPosition(offsets: ReadonlyMap<number, string>): string {
  return [...offsets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([p, o]) => `${p}:${o}`)
    .join(',');
}
