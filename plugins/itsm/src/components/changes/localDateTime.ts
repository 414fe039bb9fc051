import { DateTime } from 'luxon';

/** A `datetime-local` input value (viewer's zone) → ISO 8601 UTC, or undefined. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const parsed = DateTime.fromISO(value);
  return parsed.isValid ? parsed.toUTC().toISO()! : undefined;
}

/** ISO 8601 → a `datetime-local` input value in the viewer's zone. */
export function isoToLocalInput(iso?: string): string {
  return iso ? DateTime.fromISO(iso).toFormat("yyyy-MM-dd'T'HH:mm") : '';
}
