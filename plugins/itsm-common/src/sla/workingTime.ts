import { DateTime, IANAZone } from 'luxon';
import type { BusinessCalendar } from './BusinessCalendar';
import { TimeOfDay, minutesOfDay, parseTimeOfDay } from './timeOfDay';

/**
 * The business-time engine behind `BusinessCalendar`: epoch milliseconds in,
 * epoch milliseconds out. Not exported from the package.
 *
 * Model: every local calendar date has at most one working window, from the
 * opening to the closing wall-clock time in the calendar's timezone. Business
 * time is the real time elapsed inside working windows. On a DST day a
 * 09:00–17:00 window is therefore still 8 hours, and a 00:00–24:00 window is
 * 23 or 25 hours long, which makes a 24×7 calendar equal to UTC arithmetic.
 */

/** A working window as `[start, end)` in epoch ms. */
interface Window {
  start: number;
  end: number;
}

/** A calendar checked once and ready for arithmetic. */
export interface CompiledCalendar {
  zone: IANAZone;
  workingDays: ReadonlySet<number>;
  start: TimeOfDay;
  end: TimeOfDay;
  holidays: ReadonlySet<string>;
  /** Working windows by local day number; `null` for days off. */
  windows: Map<number, Window | null>;
}

/**
 * A local calendar date as a day number: days since 1970-01-01 of the UTC
 * midnight with the same year, month and day. Consecutive dates differ by 1.
 */
type LocalDay = number;

const DAY_MS = 86_400_000;

/** Bound on memoised windows per calendar (about 27 years of days). */
const MAX_CACHED_WINDOWS = 10_000;

/** Stop searching for working time after this many consecutive idle days. */
const MAX_IDLE_DAYS = 3660;

const HOLIDAY = /^\d{4}-\d{2}-\d{2}$/;

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

/**
 * Checks a calendar and prepares it for arithmetic, throwing on anything that
 * would make the arithmetic meaningless. Results are memoised per object, so
 * treat calendars as immutable.
 */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) {
    return cached;
  }
  if (!IANAZone.isValidZone(calendar.timezone)) {
    throw new Error(
      `Invalid business calendar: timezone ${JSON.stringify(
        calendar.timezone,
      )} is not an IANA timezone`,
    );
  }
  const start = parseTimeOfDay(calendar.workingHours.start, {
    allowEndOfDay: false,
  });
  const end = parseTimeOfDay(calendar.workingHours.end, {
    allowEndOfDay: true,
  });
  if (!start || !end || minutesOfDay(start) >= minutesOfDay(end)) {
    throw new Error(
      `Invalid business calendar: working hours ${JSON.stringify(
        calendar.workingHours,
      )} must be 'HH:mm' times with start before end`,
    );
  }
  const workingDays = new Set(calendar.workingDays);
  if (
    workingDays.size === 0 ||
    [...workingDays].some(d => !Number.isInteger(d) || d < 1 || d > 7)
  ) {
    throw new Error(
      `Invalid business calendar: working days ${JSON.stringify(
        calendar.workingDays,
      )} must be a non-empty list of 1 (Monday) to 7 (Sunday)`,
    );
  }
  for (const holiday of calendar.holidays) {
    if (!HOLIDAY.test(holiday) || !DateTime.fromISO(holiday).isValid) {
      throw new Error(
        `Invalid business calendar: holiday ${JSON.stringify(
          holiday,
        )} is not a YYYY-MM-DD date`,
      );
    }
  }
  const result: CompiledCalendar = {
    zone: IANAZone.create(calendar.timezone),
    workingDays,
    start,
    end,
    holidays: new Set(calendar.holidays),
    windows: new Map(),
  };
  compiled.set(calendar, result);
  return result;
}

/** The local calendar date, in the calendar's timezone, of an instant. */
function localDayOf(ms: number, cal: CompiledCalendar): LocalDay {
  const local = DateTime.fromMillis(ms, { zone: cal.zone });
  return DateTime.utc(local.year, local.month, local.day).toMillis() / DAY_MS;
}

/** The instant a local wall-clock time occurs on a day (gaps shift forward). */
function instantOf(
  day: LocalDay,
  time: TimeOfDay,
  cal: CompiledCalendar,
): number {
  const date = DateTime.fromMillis(
    (time.hour === 24 ? day + 1 : day) * DAY_MS,
    { zone: 'utc' },
  );
  return DateTime.fromObject(
    {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: time.hour === 24 ? 0 : time.hour,
      minute: time.minute,
    },
    { zone: cal.zone },
  ).toMillis();
}

function computeWindow(day: LocalDay, cal: CompiledCalendar): Window | null {
  const date = DateTime.fromMillis(day * DAY_MS, { zone: 'utc' });
  if (!cal.workingDays.has(date.weekday)) {
    return null;
  }
  if (cal.holidays.has(date.toISODate()!)) {
    return null;
  }
  const start = instantOf(day, cal.start, cal);
  const end = instantOf(day, cal.end, cal);
  return end > start ? { start, end } : null;
}

/** The working window of a day, if any (memoised per calendar). */
function windowOf(day: LocalDay, cal: CompiledCalendar): Window | null {
  let window = cal.windows.get(day);
  if (window === undefined) {
    if (cal.windows.size >= MAX_CACHED_WINDOWS) {
      cal.windows.clear();
    }
    window = computeWindow(day, cal);
    cal.windows.set(day, window);
  }
  return window;
}

/**
 * The instant at which `durationMs` of business time has elapsed after
 * `startMs`. Counting begins at the next working moment when `startMs` is
 * outside working time; a zero duration returns that moment.
 */
export function addBusinessMs(
  startMs: number,
  durationMs: number,
  cal: CompiledCalendar,
): number {
  let day = localDayOf(startMs, cal);
  let remaining = durationMs;
  let idleDays = 0;
  for (;;) {
    const window = windowOf(day, cal);
    if (window && window.end > startMs) {
      const from = Math.max(window.start, startMs);
      const available = window.end - from;
      if (remaining <= available) {
        return from + remaining;
      }
      remaining -= available;
      idleDays = 0;
    } else if (++idleDays > MAX_IDLE_DAYS) {
      throw new Error(
        `Business calendar has no working time in the ${MAX_IDLE_DAYS} days after ${new Date(
          startMs,
        ).toISOString()}`,
      );
    }
    day++;
  }
}

/** Business time, in ms, inside `[fromMs, toMs)`; 0 when `toMs <= fromMs`. */
export function businessMsBetween(
  fromMs: number,
  toMs: number,
  cal: CompiledCalendar,
): number {
  if (!(toMs > fromMs)) {
    return 0;
  }
  const last = localDayOf(toMs, cal);
  let total = 0;
  for (let day = localDayOf(fromMs, cal); day <= last; day++) {
    const window = windowOf(day, cal);
    if (window) {
      const overlap =
        Math.min(window.end, toMs) - Math.max(window.start, fromMs);
      if (overlap > 0) {
        total += overlap;
      }
    }
  }
  return total;
}

/** Whether an instant falls inside a working window. */
export function isWorkingMs(ms: number, cal: CompiledCalendar): boolean {
  const window = windowOf(localDayOf(ms, cal), cal);
  return window !== null && ms >= window.start && ms < window.end;
}

export {
  parseInstant as parseIsoMs,
  formatInstant as formatIsoMs,
} from '../time/instant';
