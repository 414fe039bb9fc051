import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  ActionItem,
  CreateActionItemRequest,
  PutReviewRequest,
  Review,
  UpdateActionItemRequest,
  Change,
  ChangeApprovalRequest,
  ChangeDetails,
  CreateChangeRequest,
  CreateIncidentRequest,
  CreateOnCallScheduleRequest,
  CreateProblemRequest,
  CreateWorkaroundRequest,
  DeclareMajorRequest,
  IncidentUpdateRequest,
  PutIncidentRolesRequest,
  EscalationPolicy,
  Incident,
  IncidentSource,
  Problem,
  PutEscalationPolicyRequest,
  StoredOnCallSchedule,
  TimelineEvent,
  UpdateChangeRequest,
  UpdateIncidentRequest,
  UpdateProblemRequest,
  Workaround,
} from '@openitsm/backstage-plugin-itsm-common';

/**
 * Who acts, and when. `at` lets an importer record history as it happened
 * (an ISO 8601 time in the past); it defaults to now.
 *
 * @public
 */
export interface ItsmActor {
  /** The entity ref recorded on the timeline, e.g. `user:default/alice`. */
  actor: string;
  at?: string;
}

/**
 * The ITSM backend's own service calls, for backend modules that import or
 * create records (a demo data set, a migration from another ITSM tool). Every
 * call runs the same rules, catalog checks and timelines as the HTTP API;
 * entity refs are checked with the ITSM plugin's own credentials.
 *
 * @public
 */
export interface ItsmRecordsService {
  countIncidents(): Promise<number>;
  /** Newest first; `q` matches title and description. */
  findIncidents(query: {
    entityRef?: string;
    q?: string;
    limit?: number;
  }): Promise<Incident[]>;
  createIncident(
    request: CreateIncidentRequest & { source?: IncidentSource },
    by: ItsmActor,
  ): Promise<Incident>;
  updateIncident(
    incident: Incident,
    request: UpdateIncidentRequest,
    by: ItsmActor,
  ): Promise<Incident>;
  addIncidentUpdate(
    incident: Incident,
    message: string,
    by: ItsmActor,
  ): Promise<TimelineEvent>;

  countProblems(): Promise<number>;
  /** By uuid or ref (`PRB-1042`). */
  getProblem(idOrRef: string): Promise<Problem | undefined>;
  createProblem(
    request: Omit<CreateProblemRequest, 'incidentIds'>,
    incidents: Incident[],
    by: ItsmActor,
  ): Promise<Problem>;
  updateProblem(
    problem: Problem,
    request: UpdateProblemRequest,
    by: ItsmActor,
  ): Promise<Problem>;
  /** A workaround of `problem`, or a standalone known error. */
  createWorkaround(
    request: Omit<CreateWorkaroundRequest, 'problemId'>,
    problem: Problem | undefined,
    by: ItsmActor,
  ): Promise<Workaround>;
  applyWorkaround(
    workaround: Workaround,
    incident: Incident,
    by: ItsmActor,
  ): Promise<Workaround>;

  /** Declares an incident major (or withdraws it); returns it as it is then. */
  declareMajorIncident(
    incident: Incident,
    request: DeclareMajorRequest,
    by: ItsmActor,
  ): Promise<Incident>;
  setIncidentRoles(
    incident: Incident,
    request: PutIncidentRolesRequest,
    by: ItsmActor,
  ): Promise<void>;
  /** Subscribes a user or group to the incident's stakeholder updates. */
  subscribeToIncident(
    incident: Incident,
    subscriber: string,
    by: ItsmActor,
  ): Promise<void>;
  /** A stakeholder update, sent to every subscriber. */
  postStakeholderUpdate(
    incident: Incident,
    request: Omit<IncidentUpdateRequest, 'audience'>,
    by: ItsmActor,
  ): Promise<TimelineEvent>;

  countChanges(): Promise<number>;
  createChange(request: CreateChangeRequest, by: ItsmActor): Promise<Change>;
  updateChange(
    change: Change,
    request: UpdateChangeRequest,
    by: ItsmActor,
  ): Promise<Change>;
  decideChange(
    change: Change,
    request: ChangeApprovalRequest,
    by: ItsmActor,
  ): Promise<ChangeDetails>;
  /** Records that `change` caused `incident`. */
  setIncidentCause(
    incident: Incident,
    change: Change,
    by: ItsmActor,
  ): Promise<void>;

  countSchedules(): Promise<number>;
  createSchedule(
    request: CreateOnCallScheduleRequest,
    by: ItsmActor,
  ): Promise<StoredOnCallSchedule>;
  putEscalationPolicy(
    groupRef: string,
    request: PutEscalationPolicyRequest,
    by: ItsmActor,
  ): Promise<EscalationPolicy>;

  /**
   * Flags an incident as major, for importers of history. Declaring a major
   * incident live (commander, updates) belongs to the incident API.
   */
  markMajorIncident(incident: Incident, by: ItsmActor): Promise<Incident>;
  countReviews(): Promise<number>;
  /** Starts (no version) or changes an incident's post-incident review. */
  putReview(
    incident: Incident,
    request: PutReviewRequest,
    by: ItsmActor,
  ): Promise<Review>;
  /** Approves it as `by.actor`; loaders act with publish rights. */
  approveReview(
    incident: Incident,
    comment: string | undefined,
    by: ItsmActor,
  ): Promise<Review>;
  createActionItem(
    request: CreateActionItemRequest,
    by: ItsmActor,
  ): Promise<ActionItem>;
  updateActionItem(
    item: ActionItem,
    request: UpdateActionItemRequest,
    by: ItsmActor,
  ): Promise<ActionItem>;
}

/**
 * Loads records once the ITSM backend has started, in the background.
 *
 * @public
 */
export interface ItsmDataLoader {
  /** Short name used in logs, e.g. `demo-data`. */
  readonly id: string;
  load(records: ItsmRecordsService): Promise<void>;
}

/**
 * Lets backend modules load records (demo data, imports) through the ITSM
 * backend's own rules.
 *
 * @public
 */
export interface ItsmDataLoadersExtensionPoint {
  addLoader(...loaders: ItsmDataLoader[]): void;
}

/**
 * Extension point for data loaders.
 *
 * @public
 */
export const itsmDataLoadersExtensionPoint =
  createExtensionPoint<ItsmDataLoadersExtensionPoint>({
    id: 'itsm.data-loaders',
  });
