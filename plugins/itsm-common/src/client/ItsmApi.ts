import {
  CreateIncidentRequest,
  EntityItsmSummary,
  ServicesOpenIncidents,
  Incident,
  IncidentField,
  IncidentListQuery,
  Page,
  TimelineEvent,
  UpdateIncidentRequest,
} from '../incidents/types';
import { SlaComplianceQuery, SlaComplianceReport } from '../sla/types';
import { Alert, AlertListQuery } from '../alerts/types';
import type { KpiReport, KpiReportQuery } from '../kpis/KpiContributions';
import type { WeeklyReview } from '../kpis/WeeklyReview';
import {
  Change,
  ChangeApprovalRequest,
  ChangeConflict,
  ChangeConflictQuery,
  ChangeDetails,
  ChangeEvent,
  ChangeFreeze,
  ChangeGateDecision,
  ChangeGateQuery,
  ChangeListQuery,
  ChangeMetricsReport,
  CreateChangeRequest,
  UpdateChangeRequest,
} from '../changes/types';
import {
  DeclareMajorRequest,
  IncidentSubscriber,
  IncidentUpdateRequest,
  MajorIncident,
  PutIncidentRolesRequest,
  ServiceSubscriber,
  StatusQuery,
  StatusResponse,
} from '../major/types';
import { OnCallResponse, UserOnCallShifts } from '../oncall/api';
import {
  CreateOnCallScheduleRequest,
  EscalationPolicy,
  PutEscalationPolicyRequest,
  StoredOnCallSchedule,
  UpdateOnCallScheduleRequest,
} from '../oncall/resources';
import {
  CreateProblemRequest,
  CreateWorkaroundRequest,
  Problem,
  ProblemEvent,
  ProblemChangesRequest,
  ProblemIncidentsRequest,
  ProblemListQuery,
  ProblemProposal,
  ProblemProposalListQuery,
  ReportSuggestions,
  ReportSuggestionsQuery,
  UpdateProblemRequest,
  UpdateWorkaroundRequest,
  Workaround,
  WorkaroundListQuery,
} from '../problems/types';

import {
  ActionItem,
  ActionItemListQuery,
  CreateActionItemRequest,
  PutReviewRequest,
  Review,
  ReviewListItem,
  ReviewListQuery,
  UpdateActionItemRequest,
} from '../reviews/types';

/**
 * The ITSM HTTP API, as a typed interface. The frontend's `itsmApiRef`
 * and other backends use it.
 * @public
 */
export interface ItsmApi {
  listIncidents(query?: IncidentListQuery): Promise<Page<Incident>>;
  /**
   * The same list with only some fields of each incident (and its id), as
   * a table shows them: the rest is neither read nor sent.
   */
  listIncidentFields<F extends IncidentField>(
    query: IncidentListQuery,
    fields: readonly F[],
  ): Promise<Page<Pick<Incident, F | 'id'>>>;
  getIncident(id: string): Promise<Incident>;
  createIncident(request: CreateIncidentRequest): Promise<Incident>;
  updateIncident(id: string, request: UpdateIncidentRequest): Promise<Incident>;
  /**
   * Posts an update: an internal note, or with `audience: 'stakeholders'`
   * an update sent to every subscriber.
   */
  addIncidentUpdate(
    id: string,
    message: string,
    options?: Omit<IncidentUpdateRequest, 'message'>,
  ): Promise<TimelineEvent>;
  getIncidentTimeline(
    id: string,
    options?: { limit?: number; cursor?: string },
  ): Promise<Page<TimelineEvent>>;
  getEntitySummary(entityRef: string): Promise<EntityItsmSummary>;
  getSlaCompliance(query?: SlaComplianceQuery): Promise<SlaComplianceReport>;
  /**
   * Alerts from monitoring, most recently seen first: an incident's
   * (`incidentId`), a service's, or the unmapped ones (`unmapped: true`).
   */
  listAlerts(query?: AlertListQuery): Promise<Page<Alert>>;

  // Reports
  /** KPIs from the daily rollups (itsm.report.read). */
  getKpiReport(query?: KpiReportQuery): Promise<KpiReport>;
  /** The weekly review of an ISO week (default: the last complete one). */
  getWeeklyReview(week?: string): Promise<WeeklyReview>;
  /** The weekly review as a Markdown or CSV document. */
  exportWeeklyReview(week: string, format: 'md' | 'csv'): Promise<string>;

  // On-call
  /** Who is on call for an entity now, or at `at` (ISO 8601). */
  getOnCall(
    entityRef: string,
    options?: { at?: string },
  ): Promise<OnCallResponse>;
  /**
   * A person's shifts across the built-in schedules, the one in progress
   * first (default window: now and the next 14 days; at most 31).
   */
  listUserOnCallShifts(
    user: string,
    window?: { from?: string; to?: string },
  ): Promise<UserOnCallShifts>;
  listSchedules(query?: {
    ownerGroup?: string;
  }): Promise<{ items: StoredOnCallSchedule[] }>;
  getSchedule(id: string): Promise<StoredOnCallSchedule>;
  createSchedule(
    request: CreateOnCallScheduleRequest,
  ): Promise<StoredOnCallSchedule>;
  updateSchedule(
    id: string,
    request: UpdateOnCallScheduleRequest,
  ): Promise<StoredOnCallSchedule>;
  /** A group's escalation policy; a 404 when it has none. */
  getEscalationPolicy(groupRef: string): Promise<EscalationPolicy>;
  putEscalationPolicy(
    groupRef: string,
    request: PutEscalationPolicyRequest,
  ): Promise<EscalationPolicy>;

  // Problems, workarounds and recurrence proposals
  listProblems(query?: ProblemListQuery): Promise<Page<Problem>>;
  getProblem(id: string): Promise<Problem>;
  createProblem(request: CreateProblemRequest): Promise<Problem>;
  updateProblem(id: string, request: UpdateProblemRequest): Promise<Problem>;
  changeProblemIncidents(
    id: string,
    request: ProblemIncidentsRequest,
  ): Promise<Problem>;
  /** Links and/or unlinks the changes that fix a problem (their problemRef). */
  changeProblemChanges(
    id: string,
    request: ProblemChangesRequest,
  ): Promise<Problem>;
  getProblemTimeline(
    id: string,
    options?: { limit?: number; cursor?: string },
  ): Promise<Page<ProblemEvent>>;
  listWorkarounds(query?: WorkaroundListQuery): Promise<Page<Workaround>>;
  createWorkaround(request: CreateWorkaroundRequest): Promise<Workaround>;
  updateWorkaround(
    id: string,
    request: UpdateWorkaroundRequest,
  ): Promise<Workaround>;
  applyWorkaround(id: string, incidentId: string): Promise<Workaround>;
  getReportSuggestions(
    query: ReportSuggestionsQuery,
  ): Promise<ReportSuggestions>;
  listProblemProposals(
    query?: ProblemProposalListQuery,
  ): Promise<Page<ProblemProposal>>;
  acceptProblemProposal(id: string): Promise<Problem>;
  dismissProblemProposal(id: string): Promise<ProblemProposal>;
  listChanges(query?: ChangeListQuery): Promise<Page<Change>>;
  getChange(id: string): Promise<ChangeDetails>;
  createChange(request: CreateChangeRequest): Promise<Change>;
  updateChange(
    id: string,
    request: UpdateChangeRequest,
  ): Promise<ChangeDetails>;
  decideChange(
    id: string,
    request: ChangeApprovalRequest,
  ): Promise<ChangeDetails>;
  getChangeConflicts(query: ChangeConflictQuery): Promise<ChangeConflict[]>;
  listChangeFreezes(): Promise<ChangeFreeze[]>;
  /** May a deployment of the service proceed at `at` (now by default), and why. */
  getChangeGate(query: ChangeGateQuery): Promise<ChangeGateDecision>;
  getChangeEvents(
    id: string,
    options?: { limit?: number; cursor?: string },
  ): Promise<Page<ChangeEvent>>;
  /** Records that the change caused the incident (uuid or ref). */
  linkCausedIncident(id: string, incident: string): Promise<ChangeDetails>;
  unlinkCausedIncident(id: string, incident: string): Promise<ChangeDetails>;
  /** The incident's side of the same link; `null` unlinks. */
  setIncidentCause(incident: string, change: string | null): Promise<Incident>;
  // Major incidents and the status page
  getMajorIncident(id: string): Promise<MajorIncident>;
  /** Declares the incident major, or withdraws it with `major: false`. */
  declareMajorIncident(
    id: string,
    request: DeclareMajorRequest,
  ): Promise<MajorIncident>;
  putIncidentRoles(
    id: string,
    request: PutIncidentRolesRequest,
  ): Promise<MajorIncident>;
  /** Subscribes a user or group (yourself when absent). */
  subscribeToIncident(
    id: string,
    subscriber?: string,
  ): Promise<{ items: IncidentSubscriber[] }>;
  unsubscribeFromIncident(
    id: string,
    subscriber?: string,
  ): Promise<{ items: IncidentSubscriber[] }>;
  /** Subscribes to every future major incident of a service. */
  subscribeToService(
    entityRef: string,
    subscriber?: string,
  ): Promise<{ items: ServiceSubscriber[] }>;
  unsubscribeFromService(
    entityRef: string,
    subscriber?: string,
  ): Promise<{ items: ServiceSubscriber[] }>;
  getStatus(query?: StatusQuery): Promise<StatusResponse>;
  /**
   * The services owned by any of `owners` (e.g. the user's groups) that have
   * open incidents, with their open incidents per priority, worst first.
   */
  listServicesOpenIncidents(owners: string[]): Promise<ServicesOpenIncidents>;
  getChangeMetrics(query?: {
    entityRef?: string;
    from?: string;
    to?: string;
  }): Promise<ChangeMetricsReport>;

  // Post-incident reviews and action items
  /** The incident's review; a 404 before one was started. */
  getReview(incidentId: string): Promise<Review>;
  /** The review as Markdown, for a wiki or TechDocs page. */
  getReviewMarkdown(incidentId: string): Promise<string>;
  /** Starts (no version) or changes the review. */
  putReview(incidentId: string, request: PutReviewRequest): Promise<Review>;
  approveReview(incidentId: string, comment?: string): Promise<Review>;
  listReviews(query: ReviewListQuery): Promise<Page<ReviewListItem>>;
  listActionItems(query?: ActionItemListQuery): Promise<Page<ActionItem>>;
  createActionItem(request: CreateActionItemRequest): Promise<ActionItem>;
  updateActionItem(
    id: string,
    request: UpdateActionItemRequest,
  ): Promise<ActionItem>;
  /** Turns the item into a new problem or change, linked both ways. */
  convertActionItem(id: string, to: 'problem' | 'change'): Promise<ActionItem>;
}
