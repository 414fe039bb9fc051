import { IncidentStatus } from '../incidents/IncidentLifecycle';

/**
 * What a firing alert does to the incident its key last led to: join it
 * while it is open, reopen it if it was resolved within the reopen window,
 * otherwise open a new incident (also after it was closed or cancelled).
 * @public
 */
export function firingAlertAction(
  incident: { status: IncidentStatus; resolvedAt?: string } | undefined,
  now: string,
  reopenWindowMinutes: number,
): 'attach' | 'reopen' | 'create' {
  if (!incident) return 'create';
  switch (incident.status) {
    case 'resolved': {
      const resolvedAt = incident.resolvedAt
        ? Date.parse(incident.resolvedAt)
        : NaN;
      const within =
        Number.isFinite(resolvedAt) &&
        Date.parse(now) - resolvedAt <= reopenWindowMinutes * 60_000;
      return within ? 'reopen' : 'create';
    }
    case 'closed':
    case 'cancelled':
      return 'create';
    default:
      return 'attach';
  }
}

/**
 * Whether a resolved alert may resolve its incident: the source is
 * configured to, nobody acknowledged the incident (it is still `new`), and
 * every alert of the incident has resolved.
 * @public
 */
export function mayAutoResolve(
  incident: { status: IncidentStatus; acknowledgedAt?: string },
  autoResolve: boolean,
  firingAlerts: number,
): boolean {
  return (
    autoResolve &&
    incident.status === 'new' &&
    !incident.acknowledgedAt &&
    firingAlerts === 0
  );
}
