import { DateTime } from 'luxon';

/**
 * ISO 8601 timestamps ↔ epoch milliseconds for the SLA and on-call arithmetic. Not
 * exported from the package.
 */

/**
 * Parses an ISO 8601 timestamp; one without an offset is read as UTC.
 * Throws an error naming `what` when it is not a timestamp.
 */
export function parseInstant(iso: string, what = 'timestamp'): number {
  const parsed =
    typeof iso === 'string'
      ? DateTime.fromISO(iso, { zone: 'utc' })
      : undefined;
  if (!parsed?.isValid) {
    throw new Error(
      `Invalid ${what}: ${JSON.stringify(iso)} is not an ISO 8601 timestamp`,
    );
  }
  return parsed.toMillis();
}

/**
 * Formats epoch ms as an ISO 8601 UTC timestamp (`…T…:ss.SSSZ`), the same
 * text luxon's `toISO()` gives in UTC for years 0–9999, several times faster.
 */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}
