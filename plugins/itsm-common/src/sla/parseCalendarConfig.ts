import { DateTime, IANAZone } from 'luxon';
import {
  BusinessCalendar,
  DEFAULT_BUSINESS_CALENDAR,
} from './BusinessCalendar';
import { describeValue, expectKnownKeys, expectObject } from './configReading';
import { minutesOfDay, parseTimeOfDay } from './timeOfDay';

function parseCalendar(input: unknown, key: string): BusinessCalendar {
  const raw = expectObject(
    input,
    key,
    'with timezone, workingDays, workingHours and holidays',
  );
  expectKnownKeys(raw, key, [
    'timezone',
    'workingDays',
    'workingHours',
    'holidays',
  ]);

  if (typeof raw.timezone !== 'string' || !IANAZone.isValidZone(raw.timezone)) {
    throw new Error(
      `${key}.timezone must be an IANA timezone such as Europe/Paris or UTC, got ${describeValue(
        raw.timezone,
      )}`,
    );
  }

  const workingDays = raw.workingDays ?? DEFAULT_BUSINESS_CALENDAR.workingDays;
  if (
    !Array.isArray(workingDays) ||
    workingDays.length === 0 ||
    workingDays.some(d => !Number.isInteger(d) || d < 1 || d > 7)
  ) {
    throw new Error(
      `${key}.workingDays must be a non-empty list of weekdays from 1 (Monday) to 7 (Sunday), got ${describeValue(
        workingDays,
      )}`,
    );
  }

  const hours = expectObject(
    raw.workingHours ?? DEFAULT_BUSINESS_CALENDAR.workingHours,
    `${key}.workingHours`,
    "with start and end ('HH:mm')",
  );
  expectKnownKeys(hours, `${key}.workingHours`, ['start', 'end']);
  const start = parseTimeOfDay(hours.start, { allowEndOfDay: false });
  if (!start) {
    throw new Error(
      `${key}.workingHours.start must be a 'HH:mm' time from 00:00 to 23:59, got ${describeValue(
        hours.start,
      )}`,
    );
  }
  const end = parseTimeOfDay(hours.end, { allowEndOfDay: true });
  if (!end) {
    throw new Error(
      `${key}.workingHours.end must be a 'HH:mm' time from 00:01 to 24:00, got ${describeValue(
        hours.end,
      )}`,
    );
  }
  if (minutesOfDay(start) >= minutesOfDay(end)) {
    throw new Error(
      `${key}.workingHours.start (${hours.start}) must be before ${key}.workingHours.end (${hours.end})`,
    );
  }

  const holidays = raw.holidays ?? [];
  if (!Array.isArray(holidays)) {
    throw new Error(
      `${key}.holidays must be a list of 'YYYY-MM-DD' dates, got ${describeValue(
        holidays,
      )}`,
    );
  }
  holidays.forEach((holiday, index) => {
    if (
      typeof holiday !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(holiday) ||
      !DateTime.fromISO(holiday).isValid
    ) {
      throw new Error(
        `${key}.holidays[${index}] must be a 'YYYY-MM-DD' date, got ${describeValue(
          holiday,
        )}`,
      );
    }
  });

  return {
    timezone: raw.timezone,
    workingDays: [...new Set(workingDays as number[])].sort((a, b) => a - b),
    workingHours: { start: hours.start as string, end: hours.end as string },
    holidays: [...(holidays as string[])],
  };
}

/**
 * Parses the calendars under `key`, keyed by name. Optional fields default to
 * Monday–Friday 09:00–17:00 without holidays; the timezone is required.
 */
export function parseCalendarsConfig(
  input: unknown,
  key: string,
  reservedNames: readonly string[],
): Record<string, BusinessCalendar> {
  const calendars: Record<string, BusinessCalendar> = {};
  if (input === undefined) {
    return calendars;
  }
  const raw = expectObject(input, key, 'keyed by calendar name');
  for (const [name, value] of Object.entries(raw)) {
    if (reservedNames.includes(name)) {
      throw new Error(
        `${key}.${name} is reserved for a built-in calendar; choose another name`,
      );
    }
    calendars[name] = parseCalendar(value, `${key}.${name}`);
  }
  return calendars;
}
