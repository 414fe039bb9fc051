/**
 * A local wall-clock time of day, as written in calendars (`'09:00'`).
 * `'24:00'` means the end of the day and is only meaningful as a closing time.
 */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Parses `'HH:mm'` (24-hour clock, `'00:00'`–`'23:59'`, plus `'24:00'` when
 * `allowEndOfDay`). Returns `undefined` for anything else.
 */
export function parseTimeOfDay(
  value: unknown,
  options: { allowEndOfDay: boolean },
): TimeOfDay | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  if (value === '24:00') {
    return options.allowEndOfDay ? { hour: 24, minute: 0 } : undefined;
  }
  const match = TIME_OF_DAY.exec(value);
  if (!match) {
    return undefined;
  }
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** Minutes since local midnight, for ordering opening and closing times. */
export function minutesOfDay(time: TimeOfDay): number {
  return time.hour * 60 + time.minute;
}
