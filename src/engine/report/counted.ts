/** A count with its noun, singular for exactly one, for every readable text (command line and app). Pure. */

/** `1 event`, `2 events`, `1,000 records`, `1 anomaly` (`counted(n, 'anomaly', 'anomalies')`): thousands grouped as in English. */
export const counted = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
