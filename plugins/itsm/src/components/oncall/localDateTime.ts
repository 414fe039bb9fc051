import { DateTime } from 'luxon';

const INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** An instant as a `datetime-local` input value, in the viewer's zone. */
export function toLocalInput(iso: string): string {
  const at = DateTime.fromISO(iso);
  return at.isValid ? at.toLocal().toFormat(INPUT_FORMAT) : '';
}

/**
 * A `datetime-local` value (viewer's zone) as an ISO 8601 UTC instant; what
 * cannot be read is passed through for the validator to name.
 */
export function fromLocalInput(value: string): string {
  const at = DateTime.fromISO(value);
  return at.isValid ? at.toUTC().toISO()! : value;
}

/** An instant on a wall clock: `Fri 27 Nov 18:00`. */
export function formatInZone(iso: string, zone?: string): string {
  const at = DateTime.fromISO(iso);
  return (zone ? at.setZone(zone) : at.toLocal()).toFormat('ccc d LLL HH:mm');
}
