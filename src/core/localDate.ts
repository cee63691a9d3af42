/**
 * Local calendar dates in a named IANA time zone. Day boundaries come from the
 * calendar, never from "+24 h", so DST days (23 h or 25 h) are handled.
 * Arithmetic on the keys themselves (weekdays, adding days) is in dateKeys.ts.
 */
import { dateKey } from './dateKeys.js';

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

/**
 * The zone's offset (ms) throughout each UTC hour, or null when it changes
 * within the hour, per zone. formatToParts is slow, and rollups ask for the
 * local parts of thousands of instants a day. An offset checked equal at both
 * ends of an hour holds for the whole hour: no zone changes its offset twice
 * within an hour.
 */
const hourOffsets = new Map<string, Map<number, number | null>>();
const HOUR_MS = 3600_000;
const HOUR_OFFSETS_MAX = 50_000;
/** Where the offset cache is used: 1970 to 2100 (elsewhere every call asks Intl). */
const FAST_FROM_MS = 0;
const FAST_TO_MS = Date.UTC(2100, 0, 1);

function offsetOf(ms: number, p: LocalParts): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (ms - mod(ms, 1000));
}

export function localParts(ms: number, timeZone: string): LocalParts {
  if (!(ms >= FAST_FROM_MS && ms < FAST_TO_MS)) return computeLocalParts(ms, timeZone);
  let offsets = hourOffsets.get(timeZone);
  if (!offsets) hourOffsets.set(timeZone, (offsets = new Map()));
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const a = hour * HOUR_MS;
    const b = a + HOUR_MS - 1;
    const oa = offsetOf(a, computeLocalParts(a, timeZone));
    const ob = offsetOf(b, computeLocalParts(b, timeZone));
    offset = oa === ob ? oa : null;
    if (offsets.size >= HOUR_OFFSETS_MAX) offsets.clear();
    offsets.set(hour, offset);
  }
  if (offset === null) return computeLocalParts(ms, timeZone);
  const d = new Date(ms + offset);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** Local parts straight from Intl (the reference; localParts caches offsets around it). */
export function computeLocalParts(ms: number, timeZone: string): LocalParts {
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
  return keyOf(localParts(ms, timeZone));
}

function keyOf({ year, month, day }: Pick<LocalParts, 'year' | 'month' | 'day'>): LocalDateKey {
  return dateKey(year, month, day);
}

const DAY_MS = 24 * 3600_000;
/** No local day is shorter than this (the largest DST shift is 2 h). */
const SHORTEST_DAY_MS = 22 * 3600_000;

/** Local wall-clock seconds of some parts, on a uniform scale (for differences). */
function wallSec(p: LocalParts): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) / 1000;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
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
  const p = localParts(ms, timeZone);
  const today = keyOf(p);
  // Fast path: tomorrow's midnight if the zone's offset does not change before it; checked
  // with the same test the search below applies, so the answer is the same either way.
  const guess = ms - ((p.hour * 60 + p.minute) * 60 + p.second) * 1000 - mod(ms, 1000) + DAY_MS;
  if (guess > ms && localDateKey(guess - 1, timeZone) === today && localDateKey(guess, timeZone) !== today) return guess;
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
  // Fast path: shorter than any day, the same date at both ends and the wall clock moved
  // exactly as far as real time (no change of offset inside), so no midnight lies inside.
  if (startMs < endMs && endMs - startMs < SHORTEST_DAY_MS) {
    const a = localParts(startMs, timeZone);
    const b = localParts(endMs - 1, timeZone);
    if (a.year === b.year && a.month === b.month && a.day === b.day && wallSec(b) - wallSec(a) === Math.floor((endMs - 1) / 1000) - Math.floor(startMs / 1000))
      return [{ date: keyOf(a), start: startMs, end: endMs }];
  }
  let a = startMs;
  while (a < endMs) {
    const boundary = nextLocalDayStart(a, timeZone);
    const b = Math.min(boundary, endMs);
    pieces.push({ date: localDateKey(a, timeZone), start: a, end: b });
    a = b;
  }
  return pieces;
}
