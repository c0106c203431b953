/**
 * Times in logs, exact and the same on every machine (logs.md, "Numbers and times"). Every
 * RFC 3339 date-time is read: any number of fraction digits, any offset, a leap second
 * (`:60`, ordered as the end of its minute), years before 1970; the ISO 8601 variants
 * `+0100`, `+01`, a space instead of `T` and minutes without seconds are read too. A time
 * without a zone is read as UTC (the caller reports `no-zone` where the format does not
 * promise UTC). Numbers are milliseconds (or seconds, where a format says so). Never reads
 * the machine's time zone. Pure.
 */

/** A time read from a log. */
export interface LogTime {
  /** Milliseconds since the Unix epoch (UTC), the fraction's first three digits included; a leap second counts as :59.999. */
  readonly ms: number;
  /** The fraction of the second as written (digits only, '' when none). */
  readonly fraction: string;
  /** True for a leap second (`:60`). */
  readonly leap: boolean;
  /** False when the text had no zone offset (it was read as UTC). */
  readonly zoned: boolean;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

const DAY_MS = 86_400_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (any year; no Date, no zone). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Where the canonical form has digits. */
const DIGIT_PLACES = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

/** The date of the last canonical time read, and its day number (consecutive records share their date). */
let lastDate = '';
let lastDays = 0;

const digit = (text: string, i: number): number => text.charCodeAt(i) - 48;
const two = (text: string, i: number): number => digit(text, i) * 10 + digit(text, i + 1);

/**
 * The canonical UTC form, `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, read without a regex (a log's times
 * are nearly always this); undefined for anything else, which `parseTimeText` reads in full.
 */
function canonicalUtc(text: string): LogTime | undefined {
  const n = text.length;
  if (n < 20 || text.charCodeAt(n - 1) !== 90 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  for (let k = 0; k < DIGIT_PLACES.length; k++) {
    const c = text.charCodeAt(DIGIT_PLACES[k]);
    if (c < 48 || c > 57) return undefined;
  }
  let fraction = '';
  if (n > 20) {
    if (text.charCodeAt(19) !== 46 || n === 21) return undefined;
    for (let i = 20; i < n - 1; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
    }
    fraction = text.slice(20, n - 1);
  }
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  let days: number;
  if (text.startsWith(lastDate) && lastDate.length === 10) days = lastDays;
  else {
    const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + two(text, 2);
    const month = two(text, 5);
    const day = two(text, 8);
    if (month < 1 || month > 12 || day < 1 || day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1])) return undefined;
    days = daysFromCivil(year, month, day);
    lastDate = text.slice(0, 10);
    lastDays = days;
  }
  const leap = second === 60;
  const millis = leap ? 999 : fraction.length === 0 ? 0 : fraction.length >= 3 ? digit(fraction, 0) * 100 + two(fraction, 1) : +fraction.padEnd(3, '0');
  return { ms: days * DAY_MS + ((hour * 60 + minute) * 60 + (leap ? 59 : second)) * 1000 + millis, fraction, leap, zoned: true };
}

/** Reads an RFC 3339 (or common ISO 8601) date-time; undefined when the text is not one or names an impossible date. */
export function parseTimeText(text: string): LogTime | undefined {
  const canonical = canonicalUtc(text);
  if (canonical) return canonical;
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const hour = +m[4];
  const minute = +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1])) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  let offsetMinutes = 0;
  const zoned = m[8] !== undefined || m[9] !== undefined;
  if (m[9] !== undefined) {
    const oh = +m[10];
    const om = m[11] === undefined ? 0 : +m[11];
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const fraction = m[7] ?? '';
  const leap = second === 60;
  const millis = leap ? 999 : fraction.length === 0 ? 0 : +fraction.slice(0, 3).padEnd(3, '0');
  const ms = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + (leap ? 59 : second)) * 1000 + millis;
  return { ms, fraction, leap, zoned };
}

/**
 * What an epoch count of unknown unit counts, by its magnitude: seconds below 1e11 (until the
 * year 5138), milliseconds below 1e14, microseconds below 1e17, nanoseconds above — each range
 * holding every time from 1973 to 5138 in its unit and no other's. Negative counts by their size.
 */
export function epochUnit(count: number): 's' | 'ms' | 'us' | 'ns' {
  const n = Math.abs(count);
  return n < 1e11 ? 's' : n < 1e14 ? 'ms' : n < 1e17 ? 'us' : 'ns';
}

/** A time given as a number of milliseconds (or seconds when `unit` is 's') since the epoch. */
export function timeOfNumber(value: number, unit: 'ms' | 's' = 'ms'): LogTime | undefined {
  if (!Number.isFinite(value)) return undefined;
  return { ms: unit === 's' ? value * 1000 : value, fraction: '', leap: false, zoned: true };
}

/** Orders two times at full precision (nanoseconds and finer count): negative, zero or positive. */
export function compareTimes(a: LogTime, b: LogTime): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  if (a.leap !== b.leap) return a.leap ? 1 : -1;
  const n = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(n, '0');
  const fb = b.fraction.padEnd(n, '0');
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The time in UTC as RFC 3339 (`2026-01-01T12:00:00.123456789Z`), its fraction digits kept as written; `:60` for a leap second. */
export function formatUtc(t: LogTime): string {
  const whole = Math.floor(t.ms / 1000) * 1000;
  let days = Math.floor(whole / DAY_MS);
  const secondsOfDay = (whole - days * DAY_MS) / 1000;
  // civil date from days (inverse of daysFromCivil)
  days += 719468;
  const era = Math.floor(days / 146097);
  const doe = days - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  const h = Math.floor(secondsOfDay / 3600);
  const mi = Math.floor((secondsOfDay % 3600) / 60);
  const s = t.leap ? 60 : secondsOfDay % 60;
  const fraction = t.fraction !== '' ? `.${t.fraction}` : t.ms % 1000 !== 0 ? `.${pad(Math.round(t.ms - whole), 3)}` : '';
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${fraction}Z`;
}

const DIGITS_PER_SECOND = { s: 0, ms: 3, us: 6, ns: 9 } as const;

/** A time given as the exact digits of an epoch count (`1559033904863841257` ns), kept to the last digit. */
export function timeOfEpochDigits(digits: string, unit: keyof typeof DIGITS_PER_SECOND): LogTime | undefined {
  if (!/^-?\d+$/.test(digits)) return undefined;
  const negative = digits.startsWith('-');
  const body = (negative ? digits.slice(1) : digits).padStart(DIGITS_PER_SECOND[unit] + 1, '0');
  const cut = body.length - DIGITS_PER_SECOND[unit];
  const seconds = Number(body.slice(0, cut)) * (negative ? -1 : 1);
  const fraction = body.slice(cut).replace(/0+$/, '');
  if (negative && fraction !== '') return undefined;
  return { ms: seconds * 1000 + (fraction === '' ? 0 : +fraction.slice(0, 3).padEnd(3, '0')), fraction, leap: false, zoned: true };
}
