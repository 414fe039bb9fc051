/**
 * A period during which an SLA clock does not run (the incident was
 * `on_hold`). `to` is absent while the pause is still going on.
 *
 * @public
 */
export interface SlaPause {
  /** ISO 8601 timestamp the pause began. */
  from: string;
  /** ISO 8601 timestamp the pause ended; absent while still paused. */
  to?: string;
}

/**
 * One status an incident held from a moment on, e.g. read from its
 * `status_changed` timeline events (plus its creation as the first status).
 *
 * @public
 */
export interface SlaStatusChange {
  status: string;
  /** ISO 8601 timestamp the incident entered `status`. */
  at: string;
}

/**
 * Turns an incident's status history into the pauses of its SLA clock: one
 * pause per uninterrupted stretch spent in a pausing status. The last pause is
 * open when the incident is still in a pausing status.
 *
 * @param history - status changes, in any order (sorted by `at` here).
 * @param pausingStatuses - statuses that stop the clock; `on_hold` by default.
 * @public
 */
export function pausesFromStatusHistory(
  history: readonly SlaStatusChange[],
  pausingStatuses: readonly string[] = ['on_hold'],
): SlaPause[] {
  const sorted = [...history].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at),
  );
  const pauses: SlaPause[] = [];
  let open: SlaPause | undefined;
  for (const change of sorted) {
    const pausing = pausingStatuses.includes(change.status);
    if (pausing && !open) {
      open = { from: change.at };
      pauses.push(open);
    } else if (!pausing && open) {
      open.to = change.at;
      open = undefined;
    }
  }
  return pauses;
}
