/**
 * Times of a log as the Logs view shows them (logs.md: "times as ISO strings in UTC, a toggle
 * shows local time, never raw ms"). A stored time is RFC 3339 UTC text with its fraction as
 * written; local time is the machine's offset applied to it, the fraction kept. Pure.
 */

/** `2026-01-01T09:00:00.123456Z` as shown: as it is in UTC, else in the machine's zone with its offset (`2026-01-01 10:00:00.123456 +01:00`). */
export function displayTime(utc: string, local: boolean, zoneOffsetMinutes?: (ms: number) => number): string {
  if (!local) return utc;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/.exec(utc);
  if (!m) return utc;
  const leap = m[4] === '60';
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${leap ? '59' : m[4]}Z`);
  if (Number.isNaN(ms)) return utc;
  const offset = zoneOffsetMinutes ? zoneOffsetMinutes(ms) : -new Date(ms).getTimezoneOffset();
  const shifted = new Date(ms + offset * 60_000).toISOString();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 17)}${leap ? '60' : shifted.slice(17, 19)}${m[5] ?? ''} ${zone}`;
}
