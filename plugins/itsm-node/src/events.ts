/**
 * The topics the ITSM backend publishes on Backstage's events service
 * (`@backstage/plugin-events-node`), once a write has committed; each
 * event's payload is an {@link ItsmEventPayload}.
 *
 * @example
 * ```ts
 * await events.subscribe({
 *   id: 'chat-notifier',
 *   topics: [ITSM_EVENT_TOPICS.incidentMajorDeclared],
 *   onEvent: async ({ eventPayload }) => {
 *     const incident = eventPayload as ItsmEventPayload;
 *   },
 * });
 * ```
 *
 * @public
 */
export const ITSM_EVENT_TOPICS = {
  /** An incident was reported (portal, API, alert, AI assistant). */
  incidentCreated: 'itsm.incident.created',
  /** An incident changed: fields, status, assignment, major flag. */
  incidentUpdated: 'itsm.incident.updated',
  /** An incident moved to resolved (also published as updated). */
  incidentResolved: 'itsm.incident.resolved',
  /** An incident was declared major (also published as updated). */
  incidentMajorDeclared: 'itsm.incident.major-declared',
  /** An SLA target of an incident reached its warning share, or was breached. */
  incidentSla: 'itsm.incident.sla',
  problemCreated: 'itsm.problem.created',
  /** A problem changed: fields, status, linked incidents or changes. */
  problemUpdated: 'itsm.problem.updated',
  changeCreated: 'itsm.change.created',
  /** A change changed: fields, status (approvals included), outcome. */
  changeUpdated: 'itsm.change.updated',
} as const;

/**
 * One field's value before and after a write.
 *
 * @public
 */
export interface ItsmFieldChange {
  /** Absent when the field had no value. */
  before?: unknown;
  /** Absent when the write cleared the field. */
  after?: unknown;
}

/**
 * What every ITSM event carries: the record, where it applies, and what the
 * write changed.
 *
 * @public
 */
export interface ItsmEventPayload {
  /** Which record the event is about. */
  kind: 'incident' | 'problem' | 'change';
  /** The record's uuid. */
  id: string;
  /** Its human ref, e.g. `INC-1042`, `PRB-1042`, `CHG-1042`. */
  ref: string;
  /** The record's title as it is after the write. */
  title: string;
  /** The primary affected service (the first of `affectedServices`), if any. */
  entityRef?: string;
  /** Catalog entity refs of the affected services, the primary first. */
  affectedServices: string[];
  /** The record's status after the write. */
  status: string;
  /** Incidents: P1 to P5. */
  priority?: string;
  /** Changes: standard, normal or emergency. */
  type?: string;
  /** Changes: their risk. */
  risk?: string;
  /** Incidents: whether it is a major incident. */
  major?: boolean;
  /** Who made the change: a user or service ref. */
  actor: string;
  /** When the event was published (ISO 8601). */
  at: string;
  /** Updates: each changed field, before and after. */
  changes?: Record<string, ItsmFieldChange>;
  /** `itsm.incident.sla`: which target and how far. */
  sla?: { target: 'response' | 'resolution'; stage: 'warning' | 'breach' };
}
