import { Level, Priority } from '../priority/PriorityMatrix';
import { IncidentStatus } from './IncidentLifecycle';
import { IncidentSla } from '../sla/types';

/**
 * Why an incident was resolved.
 * @public
 */
export type ResolutionCode =
  | 'fixed'
  | 'workaround'
  | 'rolled_back'
  | 'duplicate'
  | 'not_reproducible'
  | 'no_fault_found';

/** @public */
export const RESOLUTION_CODES: readonly ResolutionCode[] = [
  'fixed',
  'workaround',
  'rolled_back',
  'duplicate',
  'not_reproducible',
  'no_fault_found',
];

/**
 * Categories offered when none are configured under `itsm.categories`.
 * @public
 */
export const DEFAULT_INCIDENT_CATEGORIES: readonly string[] = [
  'availability',
  'performance',
  'functionality',
  'data',
  'security',
  'capacity',
  'other',
];

/**
 * Where an incident came from.
 * @public
 */
export type IncidentSource =
  | 'portal'
  | 'api'
  | 'alertmanager'
  | 'pagerduty'
  | 'generic';

/** @public */
export interface Incident {
  id: string;
  /** Human reference, e.g. `INC-1042`. */
  ref: string;
  title: string;
  description: string;
  /** Catalog entity refs; the first one is the primary service. */
  affectedServices: string[];
  category: string;
  impact: Level;
  urgency: Level;
  priority: Priority;
  status: IncidentStatus;
  assignee?: string;
  assignedGroup?: string;
  reporter: string;
  reporterContact?: string;
  source: IncidentSource;
  dedupKey?: string;
  occurredAt?: string;
  detectedAt: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  resolutionCode?: ResolutionCode;
  resolutionNotes?: string;
  problemId?: string;
  causedByChangeId?: string;
  major: boolean;
  reopenCount: number;
  /** Response and resolution clocks; absent until the SLA monitor computed them. */
  sla?: IncidentSla;
  createdAt: string;
  updatedAt: string;
  /** Optimistic concurrency token: send it back on PATCH. */
  version: number;
}

/** @public */
export type TimelineEventType =
  | 'created'
  | 'status_changed'
  | 'fields_changed'
  | 'assigned'
  | 'update'
  | 'sla_recomputed'
  | 'sla_warning'
  | 'sla_breached'
  | 'escalated'
  | 'problem_linked'
  | 'problem_unlinked'
  | 'workaround_applied';

/**
 * One append-only audit entry on an incident's timeline.
 * @public
 */
export interface TimelineEvent {
  id: string;
  incidentId: string;
  type: TimelineEventType;
  /** User or service ref of whoever made the change. */
  actor: string;
  at: string;
  /** Human sentence: what happened. */
  message: string;
  /** Field values before the change (only changed fields). */
  before?: Record<string, unknown>;
  /** Field values after the change (only changed fields). */
  after?: Record<string, unknown>;
}

/** @public */
export interface CreateIncidentRequest {
  title: string;
  description?: string;
  affectedServices: string[];
  category: string;
  impact: Level;
  urgency: Level;
  assignee?: string;
  assignedGroup?: string;
  reporterContact?: string;
  occurredAt?: string;
}

/**
 * Fields a PATCH may change. `version` is required (or an `If-Match` header).
 * @public
 */
export interface UpdateIncidentRequest {
  version: number;
  title?: string;
  description?: string;
  affectedServices?: string[];
  category?: string;
  impact?: Level;
  urgency?: Level;
  status?: IncidentStatus;
  /** `null` clears the assignee. */
  assignee?: string | null;
  /** `null` clears the assigned group. */
  assignedGroup?: string | null;
  reporterContact?: string | null;
  resolutionCode?: ResolutionCode;
  resolutionNotes?: string;
}

/** @public */
export interface IncidentListQuery {
  entityRef?: string;
  status?: IncidentStatus[];
  priority?: Priority[];
  major?: boolean;
  assignedGroup?: string;
  q?: string;
  from?: string;
  to?: string;
  /** Only incidents whose response or resolution target is (being) missed. */
  slaBreached?: boolean;
  /** Only incidents linked to this problem (its id). */
  problemId?: string;
  limit?: number;
  cursor?: string;
}

/** @public */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
  /** Total matching items, counted once on the first page. */
  totalCount?: number;
}

/**
 * What a service's ITSM card needs, in one round trip.
 * @public
 */
export interface EntityItsmSummary {
  entityRef: string;
  openIncidents: Incident[];
  openCount: number;
  openByPriority: Record<Priority, number>;
  /** The most recent resolved-or-closed incident, for "last incident" context. */
  lastResolvedAt?: string;
  incidentsLast30Days: number;
}
