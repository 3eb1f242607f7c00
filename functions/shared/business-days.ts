// Banking days: Monday to Friday minus the Federal Reserve's holidays, with the Fed's observance
// rules (a holiday on a Sunday closes the Monday after; on a Saturday the Fed stays open the
// Friday before, so there is no weekday closure). Dates are ISO `YYYY-MM-DD` strings, calendar
// dates with no time zone; `easternDateOf` / `easternInstant` convert to and from instants in
// America/New_York, where ACH cutoffs are set. Pure: no clock, no I/O.

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

const parse = (date: string): Date => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`${date} is not a YYYY-MM-DD date`);
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new RangeError(`${date} is not a calendar date`);
  return d;
};

export const addCalendarDays = (date: string, days: number): string => {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** 0 = Sunday ... 6 = Saturday. */
export const weekdayOf = (date: string): number => parse(date).getUTCDay();

/** The n-th (1-based) `weekday` of a month, or the last one when n = -1. */
const nthWeekday = (year: number, month: number, weekday: number, n: number): string => {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return iso(year, month, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay();
  return iso(year, month, lastDay - ((last - weekday + 7) % 7));
};

/** A fixed-date holiday as the Fed observes it: Sunday moves to Monday, Saturday is not observed. */
const observed = (date: string): string | undefined => {
  const day = weekdayOf(date);
  if (day === 0) return addCalendarDays(date, 1);
  if (day === 6) return undefined;
  return date;
};

/** The weekdays the Federal Reserve Banks are closed in `year`. */
export const fedHolidays = (year: number): string[] =>
  [
    observed(iso(year, 1, 1)), // New Year's Day
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    year >= 2022 ? observed(iso(year, 6, 19)) : undefined, // Juneteenth
    observed(iso(year, 7, 4)), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    observed(iso(year, 11, 11)), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day
    observed(iso(year, 12, 25)), // Christmas Day
  ].filter((d): d is string => d !== undefined);

const holidayCache = new Map<number, ReadonlySet<string>>();
const holidaysOf = (year: number): ReadonlySet<string> => {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(fedHolidays(year));
    holidayCache.set(year, set);
  }
  return set;
};

export const isBusinessDay = (date: string): boolean => {
  const day = weekdayOf(date);
  return day !== 0 && day !== 6 && !holidaysOf(Number(date.slice(0, 4))).has(date);
};

/** The first banking day strictly after `date`. */
export const nextBusinessDay = (date: string): string => {
  let d = addCalendarDays(date, 1);
  while (!isBusinessDay(d)) d = addCalendarDays(d, 1);
  return d;
};

/** `date` itself when it is a banking day, else the next one. */
export const businessDayOnOrAfter = (date: string): string => (isBusinessDay(date) ? date : nextBusinessDay(date));

/** `days` banking days after `date` (0: `date` itself, banking day or not). Negative counts go back. */
export const addBusinessDays = (date: string, days: number): string => {
  if (!Number.isSafeInteger(days)) throw new RangeError(`${days} is not a whole number of days`);
  let d = date;
  const step = days >= 0 ? 1 : -1;
  for (let left = Math.abs(days); left > 0; ) {
    d = addCalendarDays(d, step);
    if (isBusinessDay(d)) left -= 1;
  }
  return d;
};

// Built on first use: a formatter with a time zone loads ICU's zone data, which would cost every
// cold start of every function that merely imports this module.
let eastern: Intl.DateTimeFormat | undefined;
const easternFormat = (): Intl.DateTimeFormat =>
  (eastern ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }));

const easternParts = (instant: Date) => {
  const parts = Object.fromEntries(
    easternFormat()
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
};

/** The calendar date in New York at `instant`. */
export const easternDateOf = (instant: Date): string => easternParts(instant).date;

/** The instant of wall-clock `time` (HH:MM) on `date` in New York, across DST changes. */
export const easternInstant = (date: string, time: string): Date => {
  parse(date);
  // New York is UTC-5 (EST) or UTC-4 (EDT): the right offset is the one whose round trip matches.
  for (const offset of [4, 5]) {
    const candidate = new Date(`${date}T${time}:00.000-0${offset}:00`);
    const back = easternParts(candidate);
    if (back.date === date && back.time === time) return candidate;
  }
  throw new RangeError(`${date} ${time} does not exist in America/New_York`);
};
