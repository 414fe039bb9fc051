import type { components } from '../schema/openapi.generated';
import { enumValues } from '../schema/enumValues';

/** @public */
export type IncidentStatus = components['schemas']['IncidentStatus'];

/** @public */
export const INCIDENT_STATUSES = enumValues<IncidentStatus>()([
  'new',
  'acknowledged',
  'in_progress',
  'on_hold',
  'resolved',
  'closed',
  'cancelled',
]);

/**
 * Statuses in which someone still has to act on the incident.
 * @public
 */
export const OPEN_INCIDENT_STATUSES: readonly IncidentStatus[] = [
  'new',
  'acknowledged',
  'in_progress',
  'on_hold',
];

const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  new: ['acknowledged', 'cancelled'],
  acknowledged: ['in_progress', 'cancelled'],
  in_progress: ['on_hold', 'resolved', 'cancelled'],
  on_hold: ['in_progress', 'cancelled'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};

/** @public */
export function isIncidentStatus(value: unknown): value is IncidentStatus {
  return (
    typeof value === 'string' && (INCIDENT_STATUSES as string[]).includes(value)
  );
}

/** @public */
export function isOpenIncidentStatus(status: IncidentStatus): boolean {
  return OPEN_INCIDENT_STATUSES.includes(status);
}

/**
 * The statuses an incident may move to from `from`.
 * @public
 */
export function allowedIncidentTransitions(
  from: IncidentStatus,
): readonly IncidentStatus[] {
  return TRANSITIONS[from];
}

/** @public */
export function canTransitionIncident(
  from: IncidentStatus,
  to: IncidentStatus,
): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * `resolved → in_progress` is a reopen; it is counted on the incident.
 * @public
 */
export function isReopen(from: IncidentStatus, to: IncidentStatus): boolean {
  return from === 'resolved' && to === 'in_progress';
}

/**
 * A message for a refused transition that names the allowed ones.
 * @public
 */
export function describeIllegalTransition(
  from: IncidentStatus,
  to: IncidentStatus,
): string {
  const allowed = TRANSITIONS[from];
  return allowed.length
    ? `Cannot move an incident from ${from} to ${to}; allowed from ${from}: ${allowed.join(
        ', ',
      )}`
    : `Cannot move an incident from ${from} to ${to}; ${from} is final`;
}

/**
 * What the UI calls each transition; the same target can read differently
 * depending on where it comes from (resume vs. reopen).
 * @public
 */
export function incidentActionLabel(
  from: IncidentStatus,
  to: IncidentStatus,
): string {
  switch (to) {
    case 'acknowledged':
      return 'Acknowledge';
    case 'in_progress':
      if (from === 'on_hold') return 'Resume';
      if (from === 'resolved') return 'Reopen';
      return 'Start work';
    case 'on_hold':
      return 'Put on hold';
    case 'resolved':
      return 'Resolve';
    case 'closed':
      return 'Close';
    case 'cancelled':
      return 'Cancel incident';
    default:
      return to;
  }
}
