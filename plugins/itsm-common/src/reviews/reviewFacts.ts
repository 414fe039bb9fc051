import { Incident, TimelineEvent } from '../incidents/types';
import { ReviewFacts, ReviewSlaOutcome, ReviewTimelineEntry } from './types';

function minutesBetween(from: string | undefined, to: string | undefined) {
  if (!from || !to) return undefined;
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
}

function outcome(target: { state: string } | undefined): ReviewSlaOutcome {
  if (!target) return 'none';
  if (target.state === 'met' || target.state === 'breached') {
    return target.state;
  }
  return 'running';
}

/**
 * The facts of an incident as its review states them, read from the record:
 * how long it lasted (from when it occurred, else when it was detected, to
 * its resolution or `now`), how fast it was acknowledged and resolved, and
 * how its SLA clocks ended. Refs of the linked change and problem are
 * looked up by the caller.
 * @public
 */
export function reviewFactsOf(
  incident: Incident,
  links: { causedByChangeRef?: string; problemRef?: string },
  now: string,
): ReviewFacts {
  const start = incident.occurredAt ?? incident.detectedAt;
  const end = incident.resolvedAt ?? incident.closedAt ?? now;
  return {
    incidentRef: incident.ref,
    title: incident.title,
    priority: incident.priority,
    major: incident.major,
    incidentStatus: incident.status,
    affectedServices: incident.affectedServices,
    occurredAt: incident.occurredAt,
    detectedAt: incident.detectedAt,
    acknowledgedAt: incident.acknowledgedAt,
    resolvedAt: incident.resolvedAt,
    closedAt: incident.closedAt,
    durationMinutes: minutesBetween(start, end),
    timeToAcknowledgeMinutes: minutesBetween(
      incident.detectedAt,
      incident.acknowledgedAt,
    ),
    timeToResolveMinutes: minutesBetween(
      incident.detectedAt,
      incident.resolvedAt,
    ),
    slaResponse: outcome(incident.sla?.response),
    slaResolution: outcome(incident.sla?.resolution),
    causedByChangeId: incident.causedByChangeId,
    causedByChangeRef: links.causedByChangeRef,
    problemId: incident.problemId,
    problemRef: links.problemRef,
  };
}

/** The review's timeline: the incident's events, oldest first. @public */
export function reviewTimelineOf(
  events: readonly TimelineEvent[],
): ReviewTimelineEntry[] {
  return [...events]
    .sort((a, b) => a.at.localeCompare(b.at) || Number(a.id) - Number(b.id))
    .map(({ at, actor, type, message }) => ({ at, actor, type, message }));
}

/** `95` → `1 h 35 min`; `2900` → `2 d 0 h 20 min`. @public */
export function formatMinutes(minutes: number | undefined): string {
  if (minutes === undefined) return '—';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days) return `${days} d ${hours} h ${rest} min`;
  if (hours) return `${hours} h ${rest} min`;
  return `${rest} min`;
}
