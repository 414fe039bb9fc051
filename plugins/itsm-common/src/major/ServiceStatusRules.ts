import { PRIORITIES, Priority } from '../priority/PriorityMatrix';
import { ServiceState } from './types';

// Depending on a service in a major outage weighs more than a service's own
// minor incident: it is what the blast radius is about.
const SEVERITY: Record<ServiceState, number> = {
  major_outage: 3,
  degraded: 2,
  incident: 1,
  operational: 0,
};

/**
 * A service's state on the status page: a major incident on it; else
 * depending on a service with a major incident (possibly degraded, whatever
 * its own minor incidents); else another incident on it; else none.
 * @public
 */
export function serviceState(
  incidents: ReadonlyArray<{ major: boolean }>,
  dependsOnMajorOutage: boolean,
): ServiceState {
  if (incidents.some(i => i.major)) return 'major_outage';
  if (dependsOnMajorOutage) return 'degraded';
  return incidents.length ? 'incident' : 'operational';
}

/** The worst of several states (a system's, from its services'). @public */
export function worstServiceState(states: ServiceState[]): ServiceState {
  return states.reduce<ServiceState>(
    (worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst),
    'operational',
  );
}

/** Orders by state, worst first. @public */
export function compareServiceStates(a: ServiceState, b: ServiceState) {
  return SEVERITY[b] - SEVERITY[a];
}

/** Orders incidents major first, then by priority, then newest first. @public */
export function compareStatusIncidents(
  a: { major: boolean; priority: Priority; detectedAt: string },
  b: { major: boolean; priority: Priority; detectedAt: string },
) {
  if (a.major !== b.major) return a.major ? -1 : 1;
  const p = PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority);
  if (p) return p;
  return b.detectedAt.localeCompare(a.detectedAt);
}
