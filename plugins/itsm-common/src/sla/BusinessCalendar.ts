import {
  addBusinessMs,
  businessMsBetween,
  compileCalendar,
  formatIsoMs,
  isWorkingMs,
  parseIsoMs,
} from './workingTime';

/**
 * When the SLA clock runs: a working window on each working day, in local
 * wall-clock time of an IANA timezone, minus holidays.
 *
 * @remarks
 *
 * Business time is the real time elapsed inside working windows. Because the
 * opening and closing times are local wall-clock times, a 09:00–17:00 day is
 * 8 hours even on a daylight-saving change, while a 00:00–24:00 day is 23 or
 * 25 hours of real time on those days, so a 24×7 calendar in any timezone
 * counts exactly like UTC wall-clock arithmetic.
 *
 * A working time that does not exist locally (inside a spring-forward gap) is
 * shifted forward by the gap; an ambiguous one (fall-back) uses the earlier
 * offset. Treat calendar objects as immutable: they are checked once and the
 * result is memoised.
 *
 * @public
 */
export interface BusinessCalendar {
  /** IANA timezone name, e.g. `Europe/Paris` or `UTC`. */
  timezone: string;
  /** Working days as luxon weekdays: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /**
   * Opening and closing local times, `'HH:mm'` on a 24-hour clock; `end` may
   * be `'24:00'` for "until midnight". `start` must be before `end`.
   */
  workingHours: { start: string; end: string };
  /** Local dates without working time, `'YYYY-MM-DD'`. */
  holidays: string[];
}

/**
 * A calendar in which the clock always runs: business time equals wall-clock
 * (UTC) time.
 *
 * @public
 */
export const CALENDAR_24X7: BusinessCalendar = Object.freeze({
  timezone: 'UTC',
  workingDays: Object.freeze([1, 2, 3, 4, 5, 6, 7]) as number[],
  workingHours: Object.freeze({ start: '00:00', end: '24:00' }),
  holidays: Object.freeze([]) as unknown as string[],
});

/**
 * Monday to Friday, 09:00–17:00 UTC, no holidays: the `business` calendar
 * unless configuration redefines it.
 *
 * @public
 */
export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = Object.freeze({
  timezone: 'UTC',
  workingDays: Object.freeze([1, 2, 3, 4, 5]) as number[],
  workingHours: Object.freeze({ start: '09:00', end: '17:00' }),
  holidays: Object.freeze([]) as unknown as string[],
});

/**
 * The instant at which `durationMinutes` of business time has elapsed after
 * `startIso`.
 *
 * @remarks
 *
 * If `startIso` is outside working time, counting begins at the next working
 * moment (so a zero duration returns that moment). A duration that ends
 * exactly at closing time returns the closing time, not the next opening.
 * Timestamps without an offset are read as UTC. Iterates day by day, so
 * targets of weeks stay cheap.
 *
 * @param startIso - ISO 8601 timestamp the clock starts at.
 * @param durationMinutes - business minutes to add; not negative, may be fractional.
 * @param calendar - when the clock runs.
 * @returns the due instant as an ISO 8601 UTC timestamp (`…Z`).
 * @public
 */
export function addBusinessTime(
  startIso: string,
  durationMinutes: number,
  calendar: BusinessCalendar,
): string {
  if (!Number.isFinite(durationMinutes) || durationMinutes < 0) {
    throw new Error(
      `Invalid duration: ${durationMinutes} must be a finite number of minutes, not negative`,
    );
  }
  const cal = compileCalendar(calendar);
  const start = parseIsoMs(startIso, 'start time');
  return formatIsoMs(
    addBusinessMs(start, Math.round(durationMinutes * 60_000), cal),
  );
}

/**
 * Business minutes elapsed between two instants: the real time in
 * `[fromIso, toIso)` that falls inside working windows.
 *
 * @remarks
 *
 * Returns 0 when `toIso` is not after `fromIso`. The result is fractional when
 * the timestamps carry seconds.
 *
 * @public
 */
export function businessMinutesBetween(
  fromIso: string,
  toIso: string,
  calendar: BusinessCalendar,
): number {
  const cal = compileCalendar(calendar);
  const from = parseIsoMs(fromIso, 'start time');
  const to = parseIsoMs(toIso, 'end time');
  return businessMsBetween(from, to, cal) / 60_000;
}

/**
 * Whether an instant is inside working time (opening time included, closing
 * time excluded).
 *
 * @public
 */
export function isWorkingTime(
  iso: string,
  calendar: BusinessCalendar,
): boolean {
  return isWorkingMs(parseIsoMs(iso), compileCalendar(calendar));
}

/**
 * The first working moment at or after an instant, as an ISO 8601 UTC
 * timestamp.
 *
 * @public
 */
export function nextWorkingTime(
  iso: string,
  calendar: BusinessCalendar,
): string {
  return formatIsoMs(
    addBusinessMs(parseIsoMs(iso), 0, compileCalendar(calendar)),
  );
}
