import type { components } from '../schema/openapi.generated';
import { enumValues } from '../schema/enumValues';

/**
 * Standard changes are pre-approved, normal ones go to the CAB, emergency
 * ones are expedited (implemented first, approved in review).
 * @public
 */
export type ChangeType = components['schemas']['ChangeType'];

/** @public */
export const CHANGE_TYPES = enumValues<ChangeType>()([
  'standard',
  'normal',
  'emergency',
]);

/** @public */
export type ChangeRisk = components['schemas']['ChangeRisk'];

/** @public */
export const CHANGE_RISKS = enumValues<ChangeRisk>()(['low', 'medium', 'high']);

/** @public */
export type ChangeStatus = components['schemas']['ChangeStatus'];

/** @public */
export const CHANGE_STATUSES = enumValues<ChangeStatus>()([
  'new',
  'assess',
  'authorize',
  'scheduled',
  'implement',
  'review',
  'closed',
  'cancelled',
]);

/** @public */
export type ChangeOutcome = components['schemas']['ChangeOutcome'];

/** @public */
export const CHANGE_OUTCOMES = enumValues<ChangeOutcome>()([
  'successful',
  'failed',
  'rolled_back',
]);

/** @public */
export type ApprovalDecision = components['schemas']['ApprovalDecision'];

/**
 * One decision of an approver. `round` counts the times the change entered
 * authorize: a rejection sends it back to assess and the next round starts
 * afresh.
 * @public
 */
export type ChangeApproval = components['schemas']['ChangeApproval'];

/**
 * Where a change stands with its approvals, in the current round.
 * @public
 */
export type ApprovalState = components['schemas']['ApprovalState'];

/** @public */
export type ChangeApprovalStatus =
  components['schemas']['ChangeApprovalStatus'];

/**
 * A configured freeze window; `services` absent means the whole estate.
 * @public
 */
export type ChangeFreeze = components['schemas']['ChangeFreeze'];

/** @public */
export type ChangeConflict = components['schemas']['ChangeConflict'];

/** @public */
export type Change = components['schemas']['Change'];

/**
 * A change as `GET /changes/:id` returns it: with its approvals, who still
 * has to approve, its conflicts and the incidents it caused.
 * @public
 */
export type ChangeDetails = components['schemas']['ChangeDetails'];

/**
 * An incident a change caused, as {@link ChangeDetails} lists it.
 * @public
 */
export type CausedIncident = components['schemas']['CausedIncident'];

/** @public */
export type ChangeEventType = components['schemas']['ChangeEventType'];

/**
 * One append-only audit entry on a change.
 * @public
 */
export type ChangeEvent = components['schemas']['ChangeEvent'];

/** @public */
export type CreateChangeRequest = components['schemas']['CreateChangeRequest'];

/**
 * Fields a PATCH may change. The API also takes the version as an
 * `If-Match` header; this client sends it in the body, so it is required.
 * @public
 */
export type UpdateChangeRequest =
  components['schemas']['UpdateChangeRequest'] & { version: number };

/** @public */
export type ChangeApprovalRequest =
  components['schemas']['ChangeApprovalRequest'];

/**
 * The query of `listChanges`: statuses as a list, which the client sends
 * comma-separated.
 * @public
 */
export interface ChangeListQuery {
  entityRef?: string;
  status?: ChangeStatus[];
  /** Changes whose planned window ends after `from`. */
  from?: string;
  /** Changes whose planned window starts before `to`. */
  to?: string;
  /** Free text on ref and title. */
  q?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The query of `getChangeConflicts`: services as a list, which the client
 * sends comma-separated.
 * @public
 */
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
export type ChangeMetricsRow = components['schemas']['ChangeMetricsRow'];

/** @public */
export type ChangeMetricsReport = components['schemas']['ChangeMetricsReport'];

/**
 * Why a deployment may proceed, or why not, as the change gate says it.
 * @public
 */
export type ChangeGateReasonCode =
  components['schemas']['ChangeGateReasonCode'];

/** @public */
export type ChangeGateReason = components['schemas']['ChangeGateReason'];

/**
 * `GET /changes/gate`: whether a deployment of a service may proceed at a
 * time, the reasons, and the change that authorises it.
 * @public
 */
export type ChangeGateDecision = components['schemas']['ChangeGate'];

/** The query of `getChangeGate`. @public */
export interface ChangeGateQuery {
  entityRef: string;
  /** ISO 8601; now when left out. */
  at?: string;
}
