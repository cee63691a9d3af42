/**
 * Local calendar dates in a named IANA time zone. Day boundaries come from the
 * calendar, never from "+24 h", so DST days (23 h or 25 h) are handled.
 */

/** `YYYY-MM-DD` in the clinician's time zone. Built from numeric parts, never a locale format. */
export type LocalDateKey = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export function localParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = parts.year!;
  const month = parts.month!;
  const day = parts.day!;
  return {
    year,
    month,
    day,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

export function localDateKey(ms: number, timeZone: string): LocalDateKey {
  const { year, month, day } = localParts(ms, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Throws on a time zone the runtime does not know, so settings can refuse it. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone).format(0);
}

/**
 * The first instant (ms) after `ms` that falls on the next local calendar day.
 * Binary search on the date key: exact in every zone, including ones whose
 * midnight is skipped by DST.
 */
export function nextLocalDayStart(ms: number, timeZone: string): number {
  const today = localDateKey(ms, timeZone);
  let lo = ms; // on `today`
  let hi = ms + 27 * 3600_000; // always on a later day (no day is longer than 25 h)
  // Narrow to the first millisecond whose key differs.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDateKey(mid, timeZone) === today) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The local start (ms) of the day that contains `ms`. */
export function localDayStart(ms: number, timeZone: string): number {
  const today = localDateKey(ms, timeZone);
  let lo = ms - 27 * 3600_000; // always on an earlier day
  let hi = ms; // on `today`
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDateKey(mid, timeZone) === today) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Split [startMs, endMs) at local midnights: each piece lies within one local day. */
export function splitAtLocalMidnight(
  startMs: number,
  endMs: number,
  timeZone: string,
): Array<{ date: LocalDateKey; start: number; end: number }> {
  const pieces: Array<{ date: LocalDateKey; start: number; end: number }> = [];
  let a = startMs;
  while (a < endMs) {
    const boundary = nextLocalDayStart(a, timeZone);
    const b = Math.min(boundary, endMs);
    pieces.push({ date: localDateKey(a, timeZone), start: a, end: b });
    a = b;
  }
  return pieces;
}
