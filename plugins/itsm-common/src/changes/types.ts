import { Incident } from '../incidents/types';

/**
 * Standard changes are pre-approved, normal ones go to the CAB, emergency
 * ones are expedited (implemented first, approved in review).
 * @public
 */
export type ChangeType = 'standard' | 'normal' | 'emergency';

/** @public */
export const CHANGE_TYPES: readonly ChangeType[] = [
  'standard',
  'normal',
  'emergency',
];

/** @public */
export type ChangeRisk = 'low' | 'medium' | 'high';

/** @public */
export const CHANGE_RISKS: readonly ChangeRisk[] = ['low', 'medium', 'high'];

/** @public */
export type ChangeStatus =
  | 'new'
  | 'assess'
  | 'authorize'
  | 'scheduled'
  | 'implement'
  | 'review'
  | 'closed'
  | 'cancelled';

/** @public */
export const CHANGE_STATUSES: readonly ChangeStatus[] = [
  'new',
  'assess',
  'authorize',
  'scheduled',
  'implement',
  'review',
  'closed',
  'cancelled',
];

/** @public */
export type ChangeOutcome = 'successful' | 'failed' | 'rolled_back';

/** @public */
export const CHANGE_OUTCOMES: readonly ChangeOutcome[] = [
  'successful',
  'failed',
  'rolled_back',
];

/** @public */
export type ApprovalDecision = 'approved' | 'rejected';

/**
 * One decision of an approver. `round` counts the times the change entered
 * authorize: a rejection sends it back to assess and the next round starts
 * afresh.
 * @public
 */
export interface ChangeApproval {
  id: string;
  approver: string;
  /** The required approver group this decision answers for, if any. */
  group?: string;
  decision: ApprovalDecision;
  comment?: string;
  round: number;
  at: string;
}

/**
 * Where a change stands with its approvals, in the current round.
 * @public
 */
export type ApprovalState =
  | 'not_required'
  | 'pending'
  | 'approved'
  | 'rejected';

/** @public */
export interface ChangeApprovalStatus {
  state: ApprovalState;
  /** Required groups that have not approved yet. */
  missingGroups: string[];
  /** Approvals still needed (1 when no group is configured for the risk). */
  missing: number;
}

/**
 * A configured freeze window; `services` absent means the whole estate.
 * @public
 */
export interface ChangeFreeze {
  name: string;
  from: string;
  to: string;
  services?: string[];
}

/** @public */
export type ChangeConflict =
  | {
      kind: 'overlap';
      service: string;
      changeId: string;
      changeRef: string;
      title: string;
      start: string;
      end: string;
    }
  | {
      kind: 'freeze';
      freeze: string;
      services: string[] | 'all';
      start: string;
      end: string;
    };

/** @public */
export interface Change {
  id: string;
  /** Human reference, e.g. `CHG-1042`. */
  ref: string;
  title: string;
  description: string;
  type: ChangeType;
  risk: ChangeRisk;
  status: ChangeStatus;
  /** Catalog entity refs; the first one is the primary service. */
  affectedServices: string[];
  requester: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart?: string;
  actualEnd?: string;
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
  /** The problem this change fixes, e.g. `PRB-1003`. */
  problemRef?: string;
  outcome?: ChangeOutcome;
  outcomeNotes?: string;
  /** Why the change was scheduled into a freeze window. */
  freezeOverrideReason?: string;
  /** Counts the times the change entered authorize. */
  approvalRound: number;
  closedAt?: string;
  createdAt: string;
  updatedAt: string;
  /** Optimistic concurrency token: send it back on PATCH. */
  version: number;
}

/**
 * A change as `GET /changes/:id` returns it: with its approvals, who still
 * has to approve, its conflicts and the incidents it caused.
 * @public
 */
export interface ChangeDetails extends Change {
  approvals: ChangeApproval[];
  approval: ChangeApprovalStatus;
  requiredApprovers: string[];
  conflicts: ChangeConflict[];
  causedIncidents: Array<
    Pick<Incident, 'id' | 'ref' | 'title' | 'status' | 'priority'>
  >;
}

/** @public */
export type ChangeEventType =
  | 'created'
  | 'status_changed'
  | 'fields_changed'
  | 'approval'
  | 'incident_linked'
  | 'incident_unlinked';

/**
 * One append-only audit entry on a change.
 * @public
 */
export interface ChangeEvent {
  id: string;
  changeId: string;
  type: ChangeEventType;
  actor: string;
  at: string;
  message: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** @public */
export interface CreateChangeRequest {
  title: string;
  description?: string;
  type: ChangeType;
  risk: ChangeRisk;
  /** Catalog entity refs; the first one is the primary service. */
  affectedServices: string[];
  plannedStart: string;
  plannedEnd: string;
  implementationPlan?: string;
  backoutPlan?: string;
  testPlan?: string;
  problemRef?: string;
}

/**
 * Fields a PATCH may change. `version` is required (or an `If-Match` header).
 * @public
 */
export interface UpdateChangeRequest {
  version: number;
  title?: string;
  description?: string;
  type?: ChangeType;
  risk?: ChangeRisk;
  affectedServices?: string[];
  plannedStart?: string;
  plannedEnd?: string;
  actualStart?: string;
  actualEnd?: string;
  implementationPlan?: string;
  backoutPlan?: string;
  testPlan?: string;
  /** `null` clears the link. */
  problemRef?: string | null;
  status?: ChangeStatus;
  outcome?: ChangeOutcome;
  outcomeNotes?: string;
  /** Required to schedule into a freeze window. */
  freezeOverrideReason?: string;
}

/** @public */
export interface ChangeApprovalRequest {
  decision: ApprovalDecision;
  /** Required for a rejection: it is the reason sent back to assess. */
  comment?: string;
}

/** @public */
export interface ChangeListQuery {
  entityRef?: string;
  status?: ChangeStatus[];
  /** Changes whose planned window ends after `from`. */
  from?: string;
  /** Changes whose planned window starts before `to`. */
  to?: string;
  limit?: number;
  cursor?: string;
}

/** @public */
export interface ChangeConflictQuery {
  services: string[];
  start: string;
  end: string;
  /** A change to leave out (the one being rescheduled). */
  exclude?: string;
}

/**
 * Per service: change failure rate over changes closed in the period and
 * the share of its incidents caused by changes.
 * @public
 */
export interface ChangeMetricsRow {
  entityRef: string;
  changesClosed: number;
  changesFailed: number;
  /** failed or rolled back / closed; null when none closed. */
  changeFailureRate: number | null;
  incidents: number;
  incidentsCausedByChanges: number;
  /** caused by changes / incidents; null when there were none. */
  causedByChangeShare: number | null;
}

/** @public */
export interface ChangeMetricsReport {
  from: string;
  to: string;
  entityRef?: string;
  services: ChangeMetricsRow[];
}
