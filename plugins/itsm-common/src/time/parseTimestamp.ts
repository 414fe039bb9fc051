import { InputError } from '@backstage/errors';
import { DateTime } from 'luxon';

/**
 * The years a timestamp in this API may fall in. Incidents, changes and
 * on-call questions are about the recent past and the foreseeable future;
 * anything outside is a typo or an attack (years 0 and 9999, or the edges of
 * JavaScript's Date range, which push date arithmetic off the calendar).
 *
 * @public
 */
export const TIMESTAMP_YEARS = { earliest: 1970, latest: 2200 } as const;

// A calendar date, optionally with a time (hours 00–23, seconds optional,
// fractions optional) and an offset. Week and ordinal dates, time-only
// strings, signed or six-digit years and `24:00` are not accepted.
const SHAPE =
  /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/;

/**
 * Reads an ISO 8601 date or date-time as the instant it names, as an ISO UTC
 * string (`…T…:ss.SSSZ`). One without an offset is read as UTC. Refuses what
 * is not a real calendar date (`2026-02-30`), and years outside
 * {@link TIMESTAMP_YEARS}; the `InputError` names `field`.
 *
 * @public
 */
export function parseTimestamp(field: string, value: unknown): string {
  const text = typeof value === 'string' ? value : undefined;
  const parsed =
    text !== undefined && SHAPE.test(text)
      ? DateTime.fromISO(text, { zone: 'utc' })
      : undefined;
  if (!parsed?.isValid) {
    throw new InputError(
      `${field} must be an ISO 8601 date-time on a real calendar date, e.g. 2026-03-01T09:30:00Z, got ${JSON.stringify(
        value,
      )}`,
    );
  }
  const { earliest, latest } = TIMESTAMP_YEARS;
  if (parsed.year < earliest || parsed.year > latest) {
    throw new InputError(
      `${field} must be a date-time in the years ${earliest}–${latest}, got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return parsed.toUTC().toISO()!;
}
