import {
  CreateIncidentRequest,
  EntityItsmSummary,
  Incident,
  IncidentListQuery,
  Page,
  TimelineEvent,
  UpdateIncidentRequest,
} from '../incidents/types';
import { SlaComplianceQuery, SlaComplianceReport } from '../sla/types';
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
  ChangeListQuery,
  ChangeMetricsReport,
  CreateChangeRequest,
  UpdateChangeRequest,
} from '../changes/types';
import { OnCallResponse } from '../oncall/api';
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

/**
 * The ITSM HTTP API, as a typed interface. The frontend's `itsmApiRef`
 * and other backends use it.
 * @public
 */
export interface ItsmApi {
  listIncidents(query?: IncidentListQuery): Promise<Page<Incident>>;
  getIncident(id: string): Promise<Incident>;
  createIncident(request: CreateIncidentRequest): Promise<Incident>;
  updateIncident(id: string, request: UpdateIncidentRequest): Promise<Incident>;
  addIncidentUpdate(id: string, message: string): Promise<TimelineEvent>;
  getIncidentTimeline(
    id: string,
    options?: { limit?: number; cursor?: string },
  ): Promise<Page<TimelineEvent>>;
  getEntitySummary(entityRef: string): Promise<EntityItsmSummary>;
  getSlaCompliance(query?: SlaComplianceQuery): Promise<SlaComplianceReport>;

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
  getChangeEvents(
    id: string,
    options?: { limit?: number; cursor?: string },
  ): Promise<Page<ChangeEvent>>;
  /** Records that the change caused the incident (uuid or ref). */
  linkCausedIncident(id: string, incident: string): Promise<ChangeDetails>;
  unlinkCausedIncident(id: string, incident: string): Promise<ChangeDetails>;
  /** The incident's side of the same link; `null` unlinks. */
  setIncidentCause(incident: string, change: string | null): Promise<Incident>;
  getChangeMetrics(query?: {
    entityRef?: string;
    from?: string;
    to?: string;
  }): Promise<ChangeMetricsReport>;
}
