import type { components } from '../schema/openapi.generated';
import { enumValues } from '../schema/enumValues';
import { Priority } from '../priority/PriorityMatrix';
import { IncidentStatus } from './IncidentLifecycle';

/**
 * Why an incident was resolved.
 * @public
 */
export type ResolutionCode = components['schemas']['ResolutionCode'];

/** @public */
export const RESOLUTION_CODES = enumValues<ResolutionCode>()([
  'fixed',
  'workaround',
  'rolled_back',
  'duplicate',
  'not_reproducible',
  'no_fault_found',
]);

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
export type IncidentSource = components['schemas']['IncidentSource'];

/** @public */
export type Incident = components['schemas']['Incident'];

/** @public */
export type TimelineEventType = components['schemas']['TimelineEventType'];

/**
 * One append-only audit entry on an incident's timeline.
 * @public
 */
export type TimelineEvent = components['schemas']['TimelineEvent'];

/** @public */
export type CreateIncidentRequest =
  components['schemas']['CreateIncidentRequest'];

/**
 * Fields a PATCH may change. The API also takes the version as an
 * `If-Match` header; this client sends it in the body, so it is required.
 * @public
 */
export type UpdateIncidentRequest =
  components['schemas']['UpdateIncidentRequest'] & { version: number };

/**
 * The query of `listIncidents`: statuses and priorities as lists, which the
 * client sends comma-separated.
 * @public
 */
export interface IncidentListQuery {
  entityRef?: string;
  status?: IncidentStatus[];
  priority?: Priority[];
  major?: boolean;
  assignedGroup?: string;
  /** A user ref: incidents assigned to this person. */
  assignee?: string;
  category?: string;
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

/**
 * A field of an incident, as a list's `fields` names it: a table asks for
 * the fields it shows, and the rest is neither read nor sent.
 * @public
 */
export type IncidentField = keyof Incident;

/**
 * A page of any list; every `*Page` of the API is one. A type rather than an
 * interface so that it has the implicit index signature the typed router's
 * response types ask for.
 * @public
 */
export type Page<T> = {
  items: T[];
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
  /** Total matching items, counted once on the first page. */
  totalCount?: number;
};

/**
 * What a service's ITSM card needs, in one round trip.
 * @public
 */
export type EntityItsmSummary = components['schemas']['EntitySummary'];

/**
 * One service with open incidents, for `GET /services/open-incidents`.
 * @public
 */
export type ServiceOpenIncidents =
  components['schemas']['ServiceOpenIncidents'];

/**
 * The answer of `GET /services/open-incidents?owner`: the owners' services
 * with open incidents, worst first.
 * @public
 */
export type ServicesOpenIncidents =
  components['schemas']['ServicesOpenIncidents'];
