import {
  SlaPause,
  EntityItsmSummary,
  Incident,
  IncidentField,
  IncidentListQuery,
  Page,
  Priority,
  TimelineEvent,
  TimelineEventType,
} from '@openitsm/backstage-plugin-itsm-common';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { IncidentQueryFilter } from '../permissions/rules';

/** One SLA target as stored: what the clock needs, not its live state. */
export interface StoredSlaTarget {
  targetMinutes: number;
  calendar: string;
  dueAt: string;
  warningAt: string;
}

/** The SLA clocks as stored on an incident. */
export interface StoredSla {
  policy: string;
  pauses: SlaPause[];
  response: StoredSlaTarget;
  resolution: StoredSlaTarget;
  /**
   * Business time the resolution clock counted by the resolution, for the
   * business-time MTTR; absent while unresolved.
   */
  resolutionBusinessMs?: number | null;
}

/** The stored fields of an incident that the service layer sets. */
export type IncidentFields = Omit<
  Incident,
  'id' | 'ref' | 'version' | 'createdAt' | 'updatedAt' | 'sla'
> & { sla?: StoredSla };

/** A partial update; `null` clears an optional field. */
export type IncidentChanges = {
  [K in keyof IncidentFields]?: IncidentFields[K] | null;
};

export interface NewTimelineEvent {
  type: TimelineEventType;
  actor: string;
  message: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** A list query as the store takes it: parsed, bounded and authorized. */
export interface IncidentListFilter
  extends Omit<IncidentListQuery, 'limit' | 'cursor'> {
  limit: number;
  cursor?: string;
  /** Evaluation time for slaBreached. */
  now?: string;
  /** Conditions from the permission policy, enforced in the query. */
  permissionFilter?: PermissionCriteria<IncidentQueryFilter>;
}

/** Open incidents of one service and priority. */
export interface OpenIncidentCount {
  entityRef: string;
  priority: Priority;
  count: number;
}

/** Persistence of incidents and their timeline. */
export interface IncidentStore {
  /** Creates an incident with a fresh ref, and its first timeline events. */
  createIncident(
    fields: IncidentFields,
    events: NewTimelineEvent[],
    at: string,
  ): Promise<Incident>;

  /** By uuid or by ref (`INC-1042`). */
  getIncident(idOrRef: string): Promise<Incident | undefined>;

  /** The stored SLA clocks, for recomputing them. */
  getStoredSla(id: string): Promise<StoredSla | undefined>;

  getIncidentsByIds(ids: string[]): Promise<Incident[]>;

  listIncidents(filter: IncidentListFilter): Promise<Page<Incident>>;

  /**
   * The same list with only some fields of each incident (and its id): the
   * other columns are not read.
   */
  listIncidentFields<F extends IncidentField>(
    filter: IncidentListFilter,
    fields: readonly F[],
  ): Promise<Page<Pick<Incident, F | 'id'>>>;

  /**
   * Writes `changes` and appends `events` in one transaction, only if the
   * stored version is still `expectedVersion`; otherwise throws ConflictError.
   */
  updateIncident(
    id: string,
    expectedVersion: number,
    changes: IncidentChanges,
    events: NewTimelineEvent[],
    at: string,
  ): Promise<Incident>;

  appendEvent(
    incidentId: string,
    event: NewTimelineEvent,
    at: string,
  ): Promise<TimelineEvent>;

  listTimeline(
    incidentId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<TimelineEvent>>;

  getEntitySummary(
    entityRef: string,
    now: string,
    permissionFilter?: PermissionCriteria<IncidentQueryFilter>,
  ): Promise<EntityItsmSummary>;

  /** Open incidents per service and priority, counted in SQL. */
  countOpenByService(
    entityRefs: string[],
    permissionFilter?: PermissionCriteria<IncidentQueryFilter>,
  ): Promise<OpenIncidentCount[]>;

  countIncidents(): Promise<number>;
}
