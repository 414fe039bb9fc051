import { useEffect, useState } from 'react';

// setTimeout overflows past ~24.8 days; a day is plenty, it re-arms itself
const MAX_DELAY_MS = 24 * 3600_000;
// Ask a little after the handoff so the server answers with the new shift
const AFTER_HANDOFF_MS = 1_000;

/**
 * Calls `refresh` once, when the earliest of `instants` still ahead of now
 * passes: the end of the current shift, not a poll.
 */
export function useRefreshAt(
  instants: (string | undefined)[],
  refresh: () => void,
) {
  const key = instants.filter(Boolean).join(',');
  useEffect(() => {
    const now = Date.now();
    const due = key
      .split(',')
      .filter(Boolean)
      .map(iso => Date.parse(iso))
      .filter(ms => ms > now);
    if (due.length === 0) return undefined;
    const delay = Math.min(
      Math.min(...due) - now + AFTER_HANDOFF_MS,
      MAX_DELAY_MS,
    );
    const timer = setTimeout(refresh, delay);
    return () => clearTimeout(timer);
  }, [key, refresh]);
}

/** The current time, re-read every `intervalMs` so relative times stay true. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
