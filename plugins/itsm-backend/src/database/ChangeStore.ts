import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { IncidentQueryFilter } from '../permissions/rules';
import {
  CausedIncident,
  Change,
  ChangeApproval,
  ChangeEvent,
  ChangeEventType,
  ChangeMetricsRow,
  ChangeStatus,
  Page,
} from '@openitsm/backstage-plugin-itsm-common';
import { NewTimelineEvent } from './IncidentStore';
import { NewProblemEvent } from './ProblemStore';

/** The stored fields of a change that the service layer sets. */
export type ChangeFields = Omit<
  Change,
  'id' | 'ref' | 'version' | 'createdAt' | 'updatedAt'
>;

/** A partial update; `null` clears an optional field. */
export type ChangeUpdate = {
  [K in keyof ChangeFields]?: ChangeFields[K] | null;
};

export interface NewChangeEvent {
  type: ChangeEventType;
  actor: string;
  message: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** An event for a problem's timeline, written with a change's own write. */
export interface ProblemEventOfChange {
  problemId: string;
  event: NewProblemEvent;
}

export type NewChangeApproval = Omit<ChangeApproval, 'id' | 'at'>;

export interface ChangeListFilter {
  entityRef?: string;
  status?: ChangeStatus[];
  from?: string;
  to?: string;
  /** Free text on ref and title. */
  q?: string;
  limit: number;
  cursor?: string;
}

/** A change's window on its services, for conflict detection. */
export interface ChangeWindow {
  id: string;
  ref: string;
  title: string;
  services: string[];
  start: string;
  end: string;
}

/** Persistence of changes, their approvals and audit trail. */
export interface ChangeStore {
  /** Creates the change and, in the same transaction, the problem's events. */
  createChange(
    fields: ChangeFields,
    event: NewChangeEvent,
    at: string,
    problemEvents?: (created: {
      id: string;
      ref: string;
    }) => ProblemEventOfChange[],
  ): Promise<Change>;

  /** By uuid or by ref (`CHG-1042`). */
  getChange(idOrRef: string): Promise<Change | undefined>;

  listChanges(filter: ChangeListFilter): Promise<Page<Change>>;

  /** Open changes on any of `services` whose window overlaps [start, end). */
  findWindows(options: {
    services: string[];
    start: string;
    end: string;
  }): Promise<ChangeWindow[]>;

  /**
   * Writes `changes`, appends `events` and, if given, records `approval` and
   * appends the problems' events (the problem this change fixes), in one
   * transaction, only if the stored version is still `expectedVersion`;
   * otherwise throws ConflictError.
   */
  updateChange(
    id: string,
    expectedVersion: number,
    changes: ChangeUpdate,
    events: NewChangeEvent[],
    at: string,
    extras?: {
      approval?: NewChangeApproval;
      problemEvents?: ProblemEventOfChange[];
    },
  ): Promise<Change>;

  listApprovals(changeId: string): Promise<ChangeApproval[]>;

  /** The approvals of several changes, oldest first, by change id. */
  listApprovalsOf(changeIds: string[]): Promise<Map<string, ChangeApproval[]>>;

  /**
   * The changes of one service whose window overlaps [from, to), any
   * status, latest planned start first, at most `limit`: what the change
   * gate weighs around the time of a deployment.
   */
  findServiceChangesAround(options: {
    entityRef: string;
    from: string;
    to: string;
    limit: number;
  }): Promise<Change[]>;

  listEvents(
    changeId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<ChangeEvent>>;

  /**
   * Points an incident at the change that caused it (or at none), with an
   * event on the incident's timeline and on the change, in one transaction.
   */
  setIncidentCause(options: {
    incidentId: string;
    changeId: string | null;
    incidentEvent: NewTimelineEvent;
    changeEvent: NewChangeEvent & { changeId: string };
    at: string;
  }): Promise<void>;

  /** The incidents it caused, only those matching the permission filter when given. */
  listCausedIncidents(
    changeId: string,
    permissionFilter?: PermissionCriteria<IncidentQueryFilter>,
  ): Promise<CausedIncident[]>;

  /** Per service, computed in SQL. */
  metrics(options: {
    entityRef?: string;
    from: string;
    to: string;
  }): Promise<ChangeMetricsRow[]>;

  countChanges(): Promise<number>;
}
