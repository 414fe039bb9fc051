import { DateTime } from 'luxon';

/** How long ago, compactly: `45m`, `3h`, `2d`. */
export function formatAge(iso: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

/** A timestamp in the viewer's locale and zone. */
export function formatDateTime(iso?: string): string {
  return iso
    ? DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED)
    : '–';
}

/**
 * A timestamp for a table column: day, month and time, with the year only
 * when it is not this year (`Nov 30, 12:24 AM`; `Dec 3, 2025, 9:10 AM`).
 */
export function formatShortDateTime(iso: string): string {
  const at = DateTime.fromISO(iso);
  return at.toLocaleString(
    at.year === DateTime.now().year
      ? { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }
      : DateTime.DATETIME_MED,
  );
}

/** Remaining or overdue time until `iso`, in words: `in 2h 5m`, `3h 10m overdue`. */
export function formatCountdown(iso: string, now: number = Date.now()): string {
  const diff = Date.parse(iso) - now;
  const minutes = Math.floor(Math.abs(diff) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const text = [days ? `${days}d` : '', hours ? `${hours}h` : '', `${mins}m`]
    .filter(Boolean)
    .join(' ');
  return diff >= 0 ? `in ${text}` : `${text} overdue`;
}
